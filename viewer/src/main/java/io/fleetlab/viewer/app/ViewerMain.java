package io.fleetlab.viewer.app;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import picocli.CommandLine;

/**
 * Starts the viewer. Kept apart from {@link ViewerApp} because the java launcher refuses a main
 * class that extends {@code Application} when JavaFX sits on the class path.
 *
 * <p>{@link #run(String...)} is the entry point for other commands (it returns an exit code and
 * never calls {@code System.exit}); {@link #main} is the same for the java launcher.
 */
public final class ViewerMain {
    /** Exit code when the window cannot be opened here (no display, no GTK). */
    public static final int NO_DISPLAY = 3;

    /** Held so the level set on it is not lost when the logger is garbage collected. */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");

    private ViewerMain() {}

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Parses the viewer's options ({@code [--result FILE]}, {@code --help}, {@code --version}) and
     * opens the window; returns when the window is closed.
     *
     * @return 0 when the window was shown and closed, 2 for bad options, {@link #NO_DISPLAY}
     *         when no window can be opened here (one line on stderr says why)
     */
    public static int run(String... args) {
        ViewerOptions options = new ViewerOptions();
        CommandLine commandLine = new CommandLine(options);
        try {
            commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            commandLine.usage(System.err);
            return 2;
        }
        if (commandLine.isUsageHelpRequested()) {
            commandLine.usage(System.out);
            return 0;
        }
        if (commandLine.isVersionHelpRequested()) {
            commandLine.printVersionHelp(System.out);
            return 0;
        }
        return open(args, System.err);
    }

    private static int open(String[] args, PrintStream err) {
        Optional<String> missing = missingDisplay(System.getenv(), System.getProperty("os.name", ""), System.getProperty("glass.platform"));
        if (missing.isPresent()) {
            err.println(missing.get());
            return NO_DISPLAY;
        }
        // JavaFX warns about running from the class path rather than as named modules; that is
        // how this project runs it, so the warning says nothing to the user.
        JAVAFX_LOGGER.setLevel(Level.SEVERE);
        try {
            Application.launch(ViewerApp.class, args);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            Optional<String> explained = explainLaunchFailure(e);
            if (explained.isEmpty()) {
                throw e;
            }
            err.println(explained.get());
            return NO_DISPLAY;
        }
    }

    /**
     * On Linux and the BSDs the window needs an X11 or Wayland display; without one JavaFX
     * fails deep in its start-up. Empty when a display is set, on other systems, or when a
     * glass platform (such as Monocle) was chosen explicitly.
     */
    static Optional<String> missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean x11 = os.contains("linux") || os.contains("bsd") || os.contains("sunos");
        if (!x11 || (glassPlatform != null && !glassPlatform.isBlank())) {
            return Optional.empty();
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("fleetlab view: no display (neither DISPLAY nor WAYLAND_DISPLAY is set): run it in a desktop"
                + " session, over ssh -X, or under xvfb-run; `fleetlab charts` writes the same figures as PNG files"
                + " without a display");
    }

    /** One line for the failures a user can fix (no display, no GTK 3), empty for anything else. */
    static Optional<String> explainLaunchFailure(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null && chain.length() < 4000; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        String text = chain.toString();
        if (text.contains("Unable to load glass GTK library") || text.contains("libgtk-3") || text.contains("glassgtk")) {
            return Optional.of("fleetlab view: JavaFX could not load GTK 3 (\"Unable to load glass GTK library\"): install it,"
                    + " e.g. `apt-get install libgtk-3-0` on Debian or Ubuntu, `dnf install gtk3` on Fedora");
        }
        if (text.contains("Unable to open DISPLAY") || text.contains("cannot open display")) {
            return Optional.of("fleetlab view: cannot open the display '" + System.getenv().getOrDefault("DISPLAY", "")
                    + "' (is the X server running and may this user connect to it?)");
        }
        if (text.contains("no suitable pipeline found") || text.contains("Graphics Device initialization failed")) {
            return Optional.of("fleetlab view: JavaFX found no graphics pipeline on this display; try -Dprism.order=sw");
        }
        return Optional.empty();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
