package io.fleetlab.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.PeerTableLog;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.viewer.ring.RingLayout;
import io.fleetlab.viewer.ring.RingView;
import io.fleetlab.viewer.sample.SampleResult;
import io.fleetlab.viewer.table.PeerRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ViewerAppTest {
    private ViewerApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new ViewerApp();
        // Monocle's headless screen is 1280x800; a larger window overflows its frame buffer.
        stage.setScene(new Scene(app.createRoot(), 1200, 760));
        stage.show();
    }

    private Path sample;
    private SimulationResult result;

    @BeforeEach
    void openSample(FxRobot robot) throws Exception {
        sample = SampleResult.file();
        result = ResultLoader.load(sample);
        robot.interact(() -> app.open(sample));
    }

    @Test
    void opensTheFileAndShowsItsSummary(FxRobot robot) {
        Label file = robot.lookup("#fileLabel").queryAs(Label.class);
        assertEquals(sample.toAbsolutePath().toString(), file.getText());
        Label summary = robot.lookup("#summary").queryAs(Label.class);
        assertTrue(summary.getText().contains("sample-scale-out") && summary.getText().contains("alloy-ring"), summary.getText());
        assertTrue(robot.lookup("#hint").tryQuery().isEmpty(), "placeholder still shown");
    }

    @Test
    void sliderReplaysThePeerTableFromTheFile(FxRobot robot) {
        Slider slider = robot.lookup("#timeSlider").queryAs(Slider.class);
        TableView<?> table = robot.lookup("#peerTable").queryAs(TableView.class);
        List<PeerTableLog.Entry> log = result.peerChanges().changes();
        List<Double> probes = new ArrayList<>(List.of(0.0, result.durationSeconds()));
        for (PeerTableLog.Entry e : log) {
            probes.add(e.time());
            probes.add(Math.max(0, e.time() - 0.01));
        }
        int sizes = 0;
        for (double t : probes.stream().distinct().toList()) {
            robot.interact(() -> slider.setValue(t));
            List<String> expected = expectedRows(log, t);
            List<String> shown = table.getItems().stream().map(r -> describe((PeerRow) r)).toList();
            assertEquals(expected, shown, "peer table at t=" + t);
            sizes = Math.max(sizes, shown.size());
        }
        assertEquals(8, sizes, "the sample's table holds every node once node-7 joined");
        robot.interact(() -> slider.setValue(41.1));
        assertEquals("t = 41.1 s", robot.lookup("#timeLabel").queryAs(Label.class).getText());
    }

    @Test
    void stepButtonsWalkThroughEveryEventAndPeerChange(FxRobot robot) {
        Slider slider = robot.lookup("#timeSlider").queryAs(Slider.class);
        List<Double> moments = java.util.stream.Stream.concat(
                        result.events().stream().map(e -> e.time()),
                        result.peerChanges().changes().stream().map(e -> e.time()))
                .distinct().sorted().toList();
        robot.interact(() -> slider.setValue(0));
        List<Double> visited = new ArrayList<>();
        Button next = robot.lookup("#nextChange").queryAs(Button.class);
        robot.clickOn(next);
        visited.add(slider.getValue());
        for (int i = 0; i < moments.size() + 1; i++) {
            robot.interact(next::fire);
            if (visited.isEmpty() || visited.get(visited.size() - 1) != slider.getValue()) {
                visited.add(slider.getValue());
            }
        }
        assertEquals(moments.stream().filter(t -> t > 0).toList(), visited);
        // The event table follows: its selection is the latest event at or before the slider.
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        MembershipEvent latest = result.events().stream().filter(e -> e.time() <= slider.getValue())
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(latest, events.getSelectionModel().getSelectedItem());
        robot.clickOn("#previousChange");
        assertEquals(moments.get(moments.size() - 2), slider.getValue(), 0.0);
    }

    @Test
    void ringFollowsTheSliderAndHighlightsTheTargetOwner(FxRobot robot) {
        Slider slider = robot.lookup("#timeSlider").queryAs(Slider.class);
        RingView ring = robot.lookup("#ringView").queryAs(RingView.class);
        for (double t : new double[] {0.5, 20.5, 41.2, 73, 82, 120}) {
            robot.interact(() -> slider.setValue(t));
            List<Peer> participants = expectedRows(result.peerChanges().changes(), t).stream()
                    .filter(r -> r.contains("|participant|")).map(r -> Peer.participant(r.split("\\|")[0])).toList();
            RingLayout layout = ring.ringLayout();
            assertEquals(participants.stream().map(Peer::name).sorted().toList(), layout.nodes(), "ring at t=" + t);
            Sharder core = HashingAlgorithm.create(result.algorithm(), result.tokensPerNode());
            core.setPeers(participants);
            assertEquals(core.owner(TargetKeys.ofString("target-0"), Op.READ_WRITE).name(),
                    layout.target().orElseThrow().owner(), "owner of target-0 at t=" + t);
        }
        TextField target = robot.lookup("#targetField").queryAs(TextField.class);
        robot.interact(() -> target.setText("target-1234"));
        assertEquals("target-1234", ring.ringLayout().target().orElseThrow().name());
        robot.interact(() -> target.setText(""));
        assertFalse(ring.ringLayout().target().isPresent());
    }

    @Test
    void badFileIsReportedNotShown(FxRobot robot) throws Exception {
        Path bad = Files.createTempFile("bad-result", ".json");
        Files.writeString(bad, "{\"schemaVersion\": 1, \"scenario\": ");
        robot.interact(() -> app.open(bad));
        WaitForAsyncUtils.waitForFxEvents();
        Label file = robot.lookup("#fileLabel").queryAs(Label.class);
        assertEquals(sample.toAbsolutePath().toString(), file.getText(), "the open result stays");
        List<Window> dialogs = robot.listWindows().stream().filter(w -> w != stage).toList();
        assertEquals(1, dialogs.size(), "one error dialog");
        String message = ((DialogPane) dialogs.get(0).getScene().getRoot()).getContentText();
        assertTrue(message.contains(bad.getFileName().toString()) && message.contains("line: 1"), message);
        robot.interact(() -> dialogs.forEach(w -> ((Stage) w).close()));
    }

    /** Rows as {@code name|address|state|self}, straight from the log as the schema defines the table. */
    static List<String> expectedRows(List<PeerTableLog.Entry> log, double t) {
        Map<String, PeerTableLog.Entry> last = new TreeMap<>();
        log.stream().filter(e -> e.time() <= t).forEach(e -> last.put(e.name(), e));
        return last.values().stream().filter(PeerTableLog.Entry::present)
                .map(e -> e.name() + "|" + e.address() + "|" + e.state() + "|" + e.self()).toList();
    }

    private static String describe(PeerRow r) {
        return r.name() + "|" + r.address() + "|" + r.stateName() + "|" + r.self();
    }
}
