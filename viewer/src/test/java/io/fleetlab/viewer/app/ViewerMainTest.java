package io.fleetlab.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewerMainTest {
    @Test
    void withoutADisplayLinuxGetsOneLineBeforeJavaFxStarts() {
        Optional<String> line = ViewerMain.missingDisplay(Map.of(), "Linux", null);
        assertTrue(line.isPresent());
        assertTrue(line.get().startsWith("fleetlab view: no display") && !line.get().contains("\n"), line.get());
        assertEquals(Optional.empty(), ViewerMain.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null));
        assertEquals(Optional.empty(), ViewerMain.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null));
        assertEquals(Optional.empty(), ViewerMain.missingDisplay(Map.of(), "Mac OS X", null), "macOS needs no DISPLAY");
        assertEquals(Optional.empty(), ViewerMain.missingDisplay(Map.of(), "Linux", "Monocle"), "an explicit platform is the user's call");
    }

    @Test
    void launchFailuresAUserCanFixAreExplainedInOneLine() {
        // What JavaFX 21 throws without GTK 3, wrapped as Application.launch wraps it.
        RuntimeException noGtk = new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to load glass GTK library."));
        String gtk = ViewerMain.explainLaunchFailure(noGtk).orElseThrow();
        assertTrue(gtk.contains("libgtk-3-0") && gtk.contains("Unable to load glass GTK library") && !gtk.contains("\n"), gtk);
        String display = ViewerMain.explainLaunchFailure(new UnsupportedOperationException("Unable to open DISPLAY")).orElseThrow();
        assertTrue(display.startsWith("fleetlab view: cannot open the display"), display);
        assertEquals(Optional.empty(), ViewerMain.explainLaunchFailure(new IllegalStateException("a bug")),
                "anything else keeps its stack trace");
    }
}
