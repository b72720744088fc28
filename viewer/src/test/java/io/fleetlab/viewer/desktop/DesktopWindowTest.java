package io.fleetlab.viewer.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.viewer.app.ResultLoader;
import io.fleetlab.viewer.app.ViewerApp;
import io.fleetlab.viewer.ring.NodeColors;
import io.fleetlab.viewer.sample.SampleResult;
import io.fleetlab.viewer.table.PeerTableReplay;
import io.fleetlab.simulator.result.NodeInfo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import io.fleetlab.viewer.export.PngFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The viewer in a real window on a real X display (under CI: Xvfb, which {@code .ci/run}
 * starts), through the GTK glass platform, not Monocle: the surefire execution
 * {@code desktop-window} runs the tests tagged {@code desktop} alone in their own JVM. The robot clicks every tab, drags
 * the time slider's thumb with the mouse, and the screen's pixels are read back.
 *
 * <p>Without a display it is skipped with the reason, unless {@code FLEETLAB_REQUIRE_DISPLAY=1}
 * (set by {@code .ci/run} once it has a display), where a missing display fails it.
 */
@Tag("desktop")
class DesktopWindowTest {
    private static final Path SHOTS = Path.of("target", "desktop-window");
    private static Stage stage;
    private static SimulationResult result;
    private final FxRobot robot = new FxRobot();

    /** Why there is no window here, or null when there is one. */
    private static String skipReason;

    @BeforeAll
    static void openWindow() throws Exception {
        // Under -Dtest=... the module's headless execution may pick this class too; it belongs to
        // the desktop-window execution only.
        if (!"gtk".equals(System.getProperty("glass.platform"))) {
            skipReason = "runs in the desktop-window execution (glass.platform=gtk), not under " + System.getProperty("glass.platform");
            return;
        }
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            skipReason = "no X display (DISPLAY is not set): the real-window test needs one, e.g. under xvfb-run";
            if ("1".equals(System.getenv("FLEETLAB_REQUIRE_DISPLAY"))) {
                fail(skipReason + "; FLEETLAB_REQUIRE_DISPLAY=1 says this run must have one");
            }
            System.out.println("DesktopWindowTest skipped: " + skipReason);
            return;
        }
        result = ResultLoader.load(SampleResult.file());
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(ViewerApp.class, "--result=" + SampleResult.file());
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void closeWindow() throws Exception {
        if (stage != null) {
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void everyTabAndTheSliderWorkInARealWindow() throws Exception {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
        Window window = robot.listTargetWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
        assertTrue(window.getWidth() >= 800 && window.getHeight() >= 600, "window " + window.getWidth() + "x" + window.getHeight());
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        Set<String> seen = new HashSet<>();
        List<BufferedImage> shots = new ArrayList<>();
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            robot.clickOn(tab.getText());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(tab.getText(), tabs.getSelectionModel().getSelectedItem().getText(), "a click selects the tab");
            // The screen follows the scene at the next pulse; on a busy machine that takes a while.
            BufferedImage shot = awaitScreen(window, tab.getText(),
                    s -> shots.stream().allMatch(earlier -> differingPixels(earlier, s) > 2_000));
            assertTrue(distinctColors(shot) > 20, tab.getText() + ": the window looks blank");
            for (BufferedImage earlier : shots) {
                assertTrue(differingPixels(earlier, shot) > 2_000, tab.getText() + " looks like an earlier tab on screen");
            }
            shots.add(shot);
            seen.add(tab.getText());
        }
        assertEquals(6, seen.size(), "every tab was shown");

        // Back on the ring: its node colors are on screen, in the ring's part of the window.
        robot.clickOn(tabs.getTabs().get(0).getText());
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage ring = awaitScreen(window, "ring-end", s -> differingPixels(shots.get(shots.size() - 1), s) > 2_000);
        NodeColors colors = new NodeColors(result.nodes().stream().map(NodeInfo::name).toList());
        long nodesOnScreen = result.nodes().stream()
                .filter(n -> countNear(ring, colors.of(n.name()), 0, 0, ring.getWidth() * 2 / 3, ring.getHeight()) > 50).count();
        assertTrue(nodesOnScreen >= 6, "the ring shows " + nodesOnScreen + " node colors");

        // Drag the slider's thumb to the left with the mouse: time, peer table and ring follow.
        Slider slider = robot.lookup("#timeSlider").queryAs(Slider.class);
        Label time = robot.lookup("#timeLabel").queryAs(Label.class);
        TableView<?> peers = robot.lookup("#peerTable").queryAs(TableView.class);
        String timeBefore = time.getText();
        double trackWidth = slider.getWidth();
        robot.drag(".slider .thumb").moveBy(-trackWidth * 0.9, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(slider.getValue() < result.durationSeconds() * 0.2, "thumb dragged to " + slider.getValue());
        assertNotEquals(timeBefore, time.getText());
        assertEquals(new PeerTableReplay(result.peerChanges()).at(slider.getValue()), List.copyOf(peers.getItems()),
                "the peer table at t = " + slider.getValue());
        BufferedImage early = awaitScreen(window, "ring-early", s -> differingPixels(ring, s) > 2_000);
        assertTrue(differingPixels(ring, early) > 2_000, "the ring did not change with the slider");
    }

    /** Screenshots until {@code ready} holds or ten seconds pass; returns the last one. */
    private BufferedImage awaitScreen(Window window, String name, java.util.function.Predicate<BufferedImage> ready)
            throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        BufferedImage shot = screenshot(window, name);
        while (!ready.test(shot) && System.nanoTime() < deadline) {
            robot.sleep(200);
            shot = screenshot(window, name);
        }
        return shot;
    }

    /** The window's pixels as the X server shows them, also saved under target/desktop-window. */
    private BufferedImage screenshot(Window window, String name) throws IOException {
        Rectangle2D bounds = new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight());
        Image image = robot.capture(bounds).getImage();
        Path file = SHOTS.resolve(name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".png");
        PngFiles.write(image, file);
        return javax.imageio.ImageIO.read(file.toFile());
    }

    private static int distinctColors(BufferedImage image) {
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colors.add(image.getRGB(x, y));
            }
        }
        return colors.size();
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        int w = Math.min(a.getWidth(), b.getWidth());
        int h = Math.min(a.getHeight(), b.getHeight());
        long n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long countNear(BufferedImage image, Color color, int x0, int y0, int x1, int y1) {
        int r = (int) Math.round(color.getRed() * 255);
        int g = (int) Math.round(color.getGreen() * 255);
        int b = (int) Math.round(color.getBlue() * 255);
        long n = 0;
        for (int y = y0; y < Math.min(y1, image.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, image.getWidth()); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - r) <= 6 && Math.abs(((p >> 8) & 0xff) - g) <= 6 && Math.abs((p & 0xff) - b) <= 6) {
                    n++;
                }
            }
        }
        return n;
    }
}
