package io.fleetlab.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ViewerOptionsTest {

    private static ViewerOptions parse(String... args) {
        ViewerOptions options = new ViewerOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void resultIsOptionalAndABlankOneMeansChooseInTheWindow() {
        assertEquals(Optional.empty(), parse().result());
        assertEquals(Optional.empty(), parse("--result=").result(), "what the Maven profile passes without -Dresult");
        assertEquals(Optional.of(Path.of("runs/a.json")), parse("--result", "runs/a.json").result());
    }

    @Test
    void unknownOptionIsRejected() {
        var e = assertThrows(CommandLine.UnmatchedArgumentException.class, () -> parse("--resutl=a.json"));
        assertTrue(e.getMessage().contains("--resutl"), e.getMessage());
    }
}
