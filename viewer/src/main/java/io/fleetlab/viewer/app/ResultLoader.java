package io.fleetlab.viewer.app;

import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads result files with errors that say which file and what is wrong with it. */
public final class ResultLoader {
    private ResultLoader() {}

    /**
     * @throws IOException naming the file, and for malformed JSON the line and field
     */
    public static SimulationResult load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.toAbsolutePath() + ": no such result file");
        }
        try {
            return ResultFiles.read(file);
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IOException(message.contains(file.toString()) ? message : file + ": " + message, e);
        }
    }
}
