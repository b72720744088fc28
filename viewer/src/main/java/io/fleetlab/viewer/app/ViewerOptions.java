package io.fleetlab.viewer.app;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The viewer's command line. */
@Command(name = "fleetlab-viewer", mixinStandardHelpOptions = true,
        description = "Shows a simulation result file: ring, membership, redistribution, agreement, load, peers.")
public final class ViewerOptions {
    @Option(names = "--result", paramLabel = "FILE",
            description = "result file to open; without it, choose one from the window")
    String result = "";

    /** The result file to open at start, if one was given. */
    public Optional<Path> result() {
        return result == null || result.isBlank() ? Optional.empty() : Optional.of(Path.of(result.strip()));
    }
}
