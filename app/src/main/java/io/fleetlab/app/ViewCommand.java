package io.fleetlab.app;

import io.fleetlab.viewer.app.ViewerMain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetlab view}: the desktop viewer; its options are the viewer's own ({@code fleetlab view --help}). */
@Command(name = "view", description = "Opens the desktop viewer on a result file: fleetlab view --result results/FILE.json (--help: the viewer's options).")
final class ViewCommand implements Callable<Integer> {
    /** Every argument, in order: options are not parsed here (see {@link Fleetlab#passThrough}). */
    @Parameters(arity = "0..*", hidden = true)
    List<String> args = new ArrayList<>();

    /** The viewer's exit code: 0 closed, 2 bad options, 3 no display or GTK here (one line says why). */
    @Override
    public Integer call() {
        return ViewerMain.run(args.toArray(String[]::new));
    }
}
