package io.fleetlab.viewer.export;

import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.viewer.figures.Figure;
import io.fleetlab.viewer.figures.RunFigures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * Renders a run's figures off screen and writes them as PNG files. The figures are laid out in a
 * scene of the requested size and snapshotted on the JavaFX thread; files are written from the
 * caller's thread.
 */
public final class ChartExporter {
    private final int width;
    private final int height;

    public ChartExporter(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("image size must be at least 100x100, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    /**
     * Writes every {@link Figure} of {@code result} at the end of the run into {@code outDir}.
     * The toolkit must be running (see {@link HeadlessToolkit}).
     *
     * @return the files written, in {@link Figure} order
     */
    public List<Path> export(SimulationResult result, Path outDir) throws IOException, InterruptedException {
        return export(result, outDir, List.of(Figure.values()), result.durationSeconds(), RunFigures.DEFAULT_TARGET);
    }

    public List<Path> export(SimulationResult result, Path outDir, List<Figure> which, double time, String target)
            throws IOException, InterruptedException {
        RunFigures figures = onFxThread(() -> new RunFigures(result));
        List<Path> written = new ArrayList<>();
        for (Figure figure : which) {
            WritableImage image = onFxThread(() -> render(figures.build(figure, time, target)));
            Path file = outDir.resolve(figure.fileName());
            PngFiles.write(image, file);
            written.add(file);
        }
        return written;
    }

    private WritableImage render(Region figure) {
        Scene scene = new Scene(figure, width, height);
        figure.applyCss();
        figure.layout();
        return scene.snapshot(new WritableImage(width, height));
    }

    private static <T> T onFxThread(Callable<T> work) throws InterruptedException, IOException {
        CompletableFuture<T> future = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                future.complete(work.call());
            } catch (Exception | Error e) {
                future.completeExceptionally(e);
            }
        });
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }
}
