package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.EventKind;
import io.fleetlab.simulator.result.ChangeKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.NodeInfo;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.result.ViewSample;
import io.fleetlab.viewer.app.ResultLoader;
import io.fleetlab.viewer.figures.Figure;
import io.fleetlab.viewer.figures.RunFigures;
import io.fleetlab.viewer.sample.SampleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Chart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The figures that change shape for large runs: many changes, many nodes. */
@ExtendWith(ApplicationExtension.class)
class LargeRunChartsTest {
    private Stage stage;
    private SimulationResult sample;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void load() throws Exception {
        sample = ResultLoader.load(SampleResult.file());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    private void show(FxRobot robot, Parent chart) {
        robot.interact(() -> {
            stage.setScene(new Scene(chart, 1000, 700));
            stage.show();
        });
    }

    private static SimulationResult with(SimulationResult r, List<NodeInfo> nodes, List<MembershipEvent> events,
            List<Redistribution> redistribution, List<AgreementSample> agreement, List<ViewSample> views) {
        return new SimulationResult(r.schemaVersion(), r.scenario(), r.seed(), r.algorithm(), r.tokensPerNode(),
                r.durationSeconds(), r.targetCount(), nodes, events, redistribution, agreement, r.totals(), r.load(), views,
                r.peerChanges(), r.membership());
    }

    @Test
    void aHundredChangesBecomeARatioAgainstNScatterWithTheirBands(FxRobot robot) throws Exception {
        long seed = 0x15_5ca7L;
        SplittableRandom random = new SplittableRandom(seed);
        List<Redistribution> changes = new ArrayList<>();
        int outside = 0;
        for (int n = 50; n < 150; n++) {
            double ideal = 1.0 / (n + 1);
            double low = ideal * 0.9;
            double high = ideal * 1.1;
            double moved = ideal * (0.92 + 0.16 * random.nextDouble());
            if (n % 33 == 0) {
                moved = ideal * 1.2; // outside its band on purpose
                outside++;
            }
            changes.add(new Redistribution(n, ChangeKind.JOIN, "alloy-" + n, n, n + 1, Math.round(moved * 30000), moved, ideal,
                    moved / ideal, low, high, 0));
        }
        SimulationResult many = with(sample, sample.nodes(), sample.events(), changes, sample.agreement(), sample.views());
        Region figure = fx(() -> RedistributionChart.create(many));
        assertTrue(figure instanceof RedistributionScatter, "100 changes are not bars");
        RedistributionScatter scatter = (RedistributionScatter) figure;
        show(robot, scatter);
        List<RedistributionScatter.Point> points = scatter.points();
        assertEquals(changes.size(), points.size());
        NumberAxis y = (NumberAxis) scatter.getYAxis();
        for (int i = 0; i < changes.size(); i++) {
            Redistribution r = changes.get(i);
            RedistributionScatter.Point p = points.get(i);
            assertEquals(r.nodesAfter(), p.x(), 0.0, "x is N after the change (seed " + seed + ")");
            assertEquals(r.movedFraction() / r.idealFraction(), p.ratio(), 1e-12);
            assertEquals(r.boundLow() / r.idealFraction(), p.low(), 1e-12);
            assertEquals(r.boundHigh() / r.idealFraction(), p.high(), 1e-12);
            assertTrue(y.getLowerBound() <= p.low() && p.high() <= y.getUpperBound() && p.ratio() <= y.getUpperBound(),
                    "the ratio axis hides change " + i);
        }
        XYChart.Series<Number, Number> joins = scatter.getData().get(0);
        assertEquals("join", joins.getName());
        assertEquals(changes.size(), joins.getData().size());
        assertTrue(scatter.getTitle().contains(outside + " outside their band"), scatter.getTitle());
        assertTrue(scatter.getTitle().contains(RunTitle.of(many)), scatter.getTitle());
    }

    @Test
    void aLargeFleetsMembershipIsAConvergenceHeatMap(FxRobot robot) throws Exception {
        // 120 nodes; all agree with the live fleet except alloy-7, which misses 3 members from 10 s
        // to 20 s, and alloy-11, which crashes at 30 s.
        List<NodeInfo> nodes = new ArrayList<>();
        List<ViewSample> views = new ArrayList<>();
        List<AgreementSample> agreement = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            nodes.add(new NodeInfo("alloy-" + i, "10.0." + i / 200 + "." + i % 200 + ":12345"));
        }
        for (int t = 1; t <= 60; t++) {
            int live = t < 30 ? 120 : 119;
            agreement.add(new AgreementSample(t, live, 0, 0, 0, 0, 0, 0));
            for (int i = 0; i < 120; i++) {
                if (i == 11 && t >= 30) {
                    continue;
                }
                int view = i == 7 && t >= 10 && t < 20 ? live - 3 : live;
                views.add(new ViewSample(t, "alloy-" + i, view));
            }
        }
        List<MembershipEvent> events = List.of(new MembershipEvent(30, EventKind.CRASH, "alloy-11", "scenario", ""));
        SimulationResult large = new SimulationResult(sample.schemaVersion(), "large", 7, "alloy-ring", 512, 60, 1000, nodes,
                events, List.of(), agreement, sample.totals(), sample.load(), views, null, sample.membership());
        Region figure = fx(() -> new RunFigures(large).membershipChart());
        assertTrue(figure instanceof MembershipHeatMap, "120 nodes are a heat map, not 120 lines");
        MembershipHeatMap map = (MembershipHeatMap) figure;
        show(robot, map);
        assertEquals(List.of("alloy-0", "alloy-1", "alloy-2"), map.nodes().subList(0, 3), "rows in natural order");
        assertEquals("alloy-10", map.nodes().get(10));
        assertEquals(OptionalDouble.of(0), map.deviation("alloy-7", 5.5));
        assertEquals(OptionalDouble.of(-3), map.deviation("alloy-7", 15));
        assertEquals(OptionalDouble.of(0), map.deviation("alloy-7", 25));
        assertEquals(OptionalDouble.empty(), map.deviation("alloy-11", 45), "a crashed node has no view");
        assertEquals(OptionalDouble.empty(), map.deviation("alloy-3", 0.5), "nor has a node before its first sample");
        Color agrees = map.colorOf(OptionalDouble.of(0));
        Color missing = map.colorOf(OptionalDouble.of(-3));
        Color extra = map.colorOf(OptionalDouble.of(3));
        assertTrue(missing.getBlue() > missing.getRed() && extra.getRed() > extra.getBlue(), missing + " " + extra);
        assertTrue(!agrees.equals(missing) && !agrees.equals(Color.WHITE) && map.colorOf(OptionalDouble.empty()).equals(Color.WHITE));
        assertTrue(map.title().contains(RunTitle.of(large)), map.title());
        robot.interact(() -> map.setCursor(12));
        assertEquals(12, map.cursor(), 0.0);
        // A small fleet keeps its step lines.
        assertTrue(fx(() -> new RunFigures(sample).membershipChart()) instanceof TimeLineChart);
    }

    @Test
    void everyFigureNamesScenarioAlgorithmAndSeed() throws Exception {
        String run = RunTitle.of(sample);
        assertEquals("sample-scale-out \u00b7 alloy-ring \u00b7 seed 42", run);
        RunFigures figures = fx(() -> new RunFigures(sample));
        for (Figure f : Figure.values()) {
            Region region = fx(() -> figures.build(f, 50, RunFigures.DEFAULT_TARGET));
            List<String> texts = fx(() -> texts(region));
            assertTrue(texts.stream().anyMatch(t -> t.contains(run)), f + " has no title naming the run: " + texts);
        }
    }

    private static List<String> texts(Node node) {
        List<String> out = new ArrayList<>();
        if (node instanceof Chart c && c.getTitle() != null) {
            out.add(c.getTitle());
        }
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (node instanceof MembershipHeatMap m) {
            out.add(m.title());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                out.addAll(texts(child));
            }
        }
        return out;
    }
}
