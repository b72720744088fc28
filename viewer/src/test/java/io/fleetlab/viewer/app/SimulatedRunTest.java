package io.fleetlab.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import io.fleetlab.simulator.result.PeerTableLog;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.run.ScenarioRun;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import io.fleetlab.viewer.charts.LoadChart;
import io.fleetlab.viewer.charts.RedistributionChart;
import io.fleetlab.viewer.charts.ReferenceBarChart;
import io.fleetlab.viewer.export.ChartExporter;
import io.fleetlab.viewer.export.PngAssertions;
import io.fleetlab.viewer.figures.Figure;
import io.fleetlab.viewer.ring.RingLayout;
import io.fleetlab.viewer.ring.RingView;
import io.fleetlab.viewer.table.PeerRow;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The viewer on a result the simulator really produced: a small scenario run through
 * {@link ScenarioRun}, written and read back with {@link ResultFiles}, then shown and exported.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedRunTest {
    private static final String SCENARIO = "/scenarios/viewer-small.json";
    private SimulationResult result;
    private Stage stage;

    @BeforeAll
    void simulate(@TempDir Path dir) throws Exception {
        byte[] json;
        try (InputStream in = SimulatedRunTest.class.getResourceAsStream(SCENARIO)) {
            json = in.readAllBytes();
        }
        Scenario scenario = ScenarioLoader.parse("viewer-small.json", json, "viewer-small");
        SimulationResult simulated = new ScenarioRun(scenario, scenario.hashing().algorithm(), scenario.seed())
                .run((done, total) -> { });
        Path file = dir.resolve("viewer-small.result.json");
        ResultFiles.write(simulated, file);
        result = ResultLoader.load(file);
        assertEquals(simulated, result, "the result survives the file");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void peerTableAndRingFollowTheSimulatedLog(FxRobot robot) throws Exception {
        ResultView view = WaitForAsyncUtils.asyncFx(() -> new ResultView(result)).get();
        robot.interact(() -> {
            stage.setScene(new Scene(view, 1200, 760));
            stage.show();
        });
        Slider slider = view.slider();
        TableView<?> table = robot.lookup("#peerTable").queryAs(TableView.class);
        RingView ring = robot.lookup("#ringView").queryAs(RingView.class);
        List<PeerTableLog.Entry> log = result.peerChanges().changes();
        assertFalse(log.isEmpty(), "the simulator logs the observer's peer table");
        List<Double> times = log.stream().map(PeerTableLog.Entry::time).distinct().toList();
        // Every change time would be many slider moves on a long log; every change of the first
        // seconds and then a stride through the rest still walks joins, the crash and the leave.
        int stride = Math.max(1, times.size() / 25);
        Set<String> statesShown = new TreeSet<>();
        for (int i = 0; i < times.size(); i += i < 10 ? 1 : stride) {
            double t = times.get(i);
            robot.interact(() -> slider.setValue(t));
            List<String> expected = ViewerAppTest.expectedRows(log, t);
            table.getItems().forEach(r -> statesShown.add(((PeerRow) r).stateName()));
            assertEquals(expected, table.getItems().stream().map(r -> describe((PeerRow) r)).toList(), "t=" + t);
            List<Peer> participants = expected.stream().filter(r -> r.contains("|participant|"))
                    .map(r -> Peer.participant(r.split("\\|")[0])).toList();
            RingLayout layout = ring.ringLayout();
            assertEquals(participants.stream().map(Peer::name).sorted().toList(), layout.nodes(), "ring at t=" + t);
            if (!participants.isEmpty()) {
                Sharder core = HashingAlgorithm.create(result.algorithm(), result.tokensPerNode());
                core.setPeers(participants);
                assertEquals(core.owner(TargetKeys.ofString("target-0"), Op.READ_WRITE).name(),
                        layout.target().orElseThrow().owner(), "owner at t=" + t);
            }
        }
        assertTrue(statesShown.containsAll(List.of("participant", "terminating")),
                "the walk should pass the graceful leave's terminating row; shown: " + statesShown);
    }

    @Test
    void chartsCarryTheSimulatedFigures() throws Exception {
        ReferenceBarChart moved = WaitForAsyncUtils.asyncFx(() -> RedistributionChart.bars(result)).get();
        assertEquals(result.redistribution().stream().map(r -> r.movedFraction()).toList(),
                moved.getData().get(0).getData().stream().map(d -> d.getYValue().doubleValue()).toList());
        assertTrue(result.redistribution().size() >= 2, "the scenario's join and leave are measured");
        ReferenceBarChart load = WaitForAsyncUtils.asyncFx(() -> LoadChart.create(result)).get();
        assertEquals(result.load().perNode().stream().map(n -> n.targets()).toList(),
                load.getData().get(0).getData().stream().map(d -> d.getYValue().longValue()).toList());
    }

    @Test
    void exportsEveryFigure(@TempDir Path out) throws Exception {
        List<Path> files = new ChartExporter(800, 500).export(result, out);
        assertEquals(Figure.values().length, files.size());
        for (Path f : files) {
            PngAssertions.assertPicture(f, 800, 500);
        }
    }

    private static String describe(PeerRow r) {
        return r.name() + "|" + r.address() + "|" + r.stateName() + "|" + r.self();
    }
}
