package io.fleetlab.viewer.app;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * Starts the viewer. Kept apart from {@link ViewerApp} because the java launcher refuses a main
 * class that extends {@code Application} when JavaFX sits on the class path.
 */
public final class ViewerMain {
    private ViewerMain() {}

    public static void main(String[] args) {
        ViewerOptions options = new ViewerOptions();
        CommandLine commandLine = new CommandLine(options);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            commandLine.usage(System.err);
            System.exit(2);
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(System.out);
            return;
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(System.out);
            return;
        }
        Application.launch(ViewerApp.class, args);
    }
}
