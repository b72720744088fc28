package io.fleetlab.viewer.export;

import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.viewer.app.ResultLoader;
import io.fleetlab.viewer.figures.Figure;
import io.fleetlab.viewer.figures.RunFigures;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a result file's figures as PNG files without a display. */
@Command(name = "export-charts", mixinStandardHelpOptions = true,
        description = "Renders the viewer's figures of a result file to PNG files, headless.")
public final class ExportCharts implements Callable<Integer> {
    @Option(names = "--result", required = true, paramLabel = "FILE", description = "the result file")
    Path result;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for the PNG files")
    Path out;

    @Option(names = "--width", defaultValue = "1200", description = "image width in pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "800", description = "image height in pixels (default ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--time", paramLabel = "SECONDS",
            description = "simulated time for the ring, the peer table and the cursors (default: end of run)")
    Double time;

    @Option(names = "--target", defaultValue = RunFigures.DEFAULT_TARGET,
            description = "target whose owner the ring highlights (default ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--figure", split = ",", paramLabel = "NAME",
            description = "figures to write (default all): ${COMPLETION-CANDIDATES}")
    List<Figure> figures = List.of(Figure.values());

    @Override
    public Integer call() throws Exception {
        SimulationResult loaded = ResultLoader.load(result);
        HeadlessToolkit.start();
        double at = time == null ? loaded.durationSeconds() : time;
        List<Path> written = new ChartExporter(width, height).export(loaded, out, figures, at, target);
        written.forEach(p -> System.out.println("wrote " + p));
        return 0;
    }

    /** The command, ready to execute; figure names are accepted in any case. */
    public static CommandLine commandLine() {
        return new CommandLine(new ExportCharts())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, commandLine, parsed) -> {
                    // Bad input (a missing or malformed file, an unknown algorithm) is the user's
                    // to fix: say what is wrong, without a stack trace.
                    commandLine.getErr().println("export-charts: " + e.getMessage());
                    return 1;
                });
    }

    /**
     * The entry point for other commands: parses {@code args} as this command's options, writes
     * the PNG files, stops the JavaFX toolkit, and returns the exit code (0, 1 for bad input with
     * one line on stderr, 2 for bad options). Never calls {@code System.exit}.
     */
    public static int run(String... args) {
        int code = commandLine().execute(args);
        Platform.exit();
        return code;
    }

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
