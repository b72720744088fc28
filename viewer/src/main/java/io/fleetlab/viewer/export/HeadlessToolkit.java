package io.fleetlab.viewer.export;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/**
 * Starts JavaFX without a display: Monocle's headless glass platform and the software renderer,
 * the same settings the module's tests run under. Settings the user gave with {@code -D} win.
 */
public final class HeadlessToolkit {
    static final Map<String, String> PROPERTIES = Map.of(
            "glass.platform", "Monocle",
            "monocle.platform", "Headless",
            "prism.order", "sw",
            "prism.text", "t2k",
            "java.awt.headless", "true");

    private HeadlessToolkit() {}

    /**
     * Starts the toolkit headless unless it already runs (as under the tests), and waits until it
     * is up. Must be called before anything else touches JavaFX.
     */
    public static void start() throws InterruptedException {
        PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
    }
}
