package io.fleetlab.viewer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.viewer.figures.Figure;
import io.fleetlab.viewer.sample.SampleResult;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import picocli.CommandLine;

/** Runs the export command as a user would; the toolkit is already up (TestFX), as export tolerates. */
@ExtendWith(ApplicationExtension.class)
class ExportChartsTest {

    @Start
    void start(Stage stage) {
        // The export renders off screen; the stage only makes TestFX start the toolkit first.
    }

    @Test
    void writesEveryFigureAsAPngOfTheRequestedSize(@TempDir Path out) throws Exception {
        int code = ExportCharts.commandLine().execute(
                "--result", SampleResult.file().toString(), "--out", out.toString(),
                "--width", "640", "--height", "480");
        assertEquals(0, code);
        for (Figure figure : Figure.values()) {
            PngAssertions.assertPicture(out.resolve(figure.fileName()), 640, 480);
        }
    }

    @Test
    void aFigureAtAnEarlierTimeDiffers(@TempDir Path out) throws Exception {
        String sample = SampleResult.file().toString();
        assertEquals(0, ExportCharts.commandLine().execute("--result", sample, "--out", out.resolve("early").toString(),
                "--figure", "ring", "--time", "1"));
        assertEquals(0, ExportCharts.commandLine().execute("--result", sample, "--out", out.resolve("late").toString(),
                "--figure", "ring"));
        BufferedImage early = PngAssertions.assertPicture(out.resolve("early/ring.png"), 1200, 800);
        BufferedImage late = PngAssertions.assertPicture(out.resolve("late/ring.png"), 1200, 800);
        assertNotEquals(0, differingPixels(early, late), "ring at t=1 (6 nodes) and at the end (6 other nodes) look the same");
        assertTrue(Files.notExists(out.resolve("early/load.png")), "--figure limits the output");
    }

    @Test
    void missingResultFileIsAClearError(@TempDir Path out) {
        StringWriter err = new StringWriter();
        CommandLine cli = ExportCharts.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("--result", out.resolve("nope.json").toString(), "--out", out.toString());
        assertNotEquals(0, code);
        assertTrue(err.toString().startsWith("export-charts: ") && err.toString().contains("nope.json: no such result file"),
                err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace: " + err);
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
