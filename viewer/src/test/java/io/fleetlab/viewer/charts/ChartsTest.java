package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.EventKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.LoadSummary;
import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.result.ViewSample;
import io.fleetlab.viewer.app.ResultLoader;
import io.fleetlab.viewer.sample.SampleResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ChartsTest {
    private Stage stage;
    private SimulationResult result;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void load() throws Exception {
        result = ResultLoader.load(SampleResult.file());
    }

    /** Lays the chart out in the test's window so axes and overlays are computed. */
    private void show(FxRobot robot, Parent chart) {
        robot.interact(() -> {
            stage.setScene(new Scene(chart, 1000, 700));
            stage.show();
        });
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    @Test
    void redistributionBarsAreTheMovedFractionsWithIdealAndBand(FxRobot robot) throws Exception {
        assertTrue(fx(() -> RedistributionChart.create(result)) instanceof ReferenceBarChart, "a few changes are bars");
        ReferenceBarChart chart = fx(() -> RedistributionChart.bars(result));
        show(robot, chart);
        List<XYChart.Data<String, Number>> bars = chart.getData().get(0).getData();
        List<Redistribution> changes = result.redistribution();
        assertEquals(changes.size(), bars.size());
        Map<String, ReferenceBarChart.Reference> refs = chart.references();
        for (int i = 0; i < changes.size(); i++) {
            Redistribution r = changes.get(i);
            assertEquals(r.movedFraction(), bars.get(i).getYValue().doubleValue(), 0.0);
            assertTrue(bars.get(i).getXValue().contains(r.kind() + " " + r.node()), bars.get(i).getXValue());
            ReferenceBarChart.Reference ref = refs.get(bars.get(i).getXValue());
            assertEquals(new ReferenceBarChart.Reference(r.boundLow(), r.idealFraction(), r.boundHigh()), ref);
        }
        double top = ((NumberAxis) chart.getYAxis()).getUpperBound();
        assertTrue(changes.stream().allMatch(r -> r.boundHigh() <= top && r.movedFraction() <= top), "axis hides a band");
    }

    @Test
    void loadBarsArePerNodeTargetsAroundTheMean(FxRobot robot) throws Exception {
        ReferenceBarChart chart = fx(() -> LoadChart.create(result));
        show(robot, chart);
        LoadSummary load = result.load();
        List<XYChart.Data<String, Number>> bars = chart.getData().get(0).getData();
        assertEquals(load.perNode().size(), bars.size());
        for (int i = 0; i < bars.size(); i++) {
            assertEquals(load.perNode().get(i).node(), bars.get(i).getXValue());
            assertEquals(load.perNode().get(i).targets(), bars.get(i).getYValue().longValue());
            ReferenceBarChart.Reference ref = chart.references().get(bars.get(i).getXValue());
            assertEquals(load.mean(), ref.mark(), 1e-9);
            assertEquals(load.mean() * (1 + load.boundRelativeSd()), ref.high(), 1e-9);
        }
        assertEquals(result.targetCount(), bars.stream().mapToLong(d -> d.getYValue().longValue()).sum(),
                "the sample's live nodes own every target");
    }

    @Test
    void agreementSeriesAreTheSamplesWithTheStartUpApart(FxRobot robot) throws Exception {
        AgreementChart figure = fx(() -> AgreementChart.create(result));
        show(robot, figure);
        double firstAction = FirstAction.of(result).orElseThrow();
        assertEquals(20.0, firstAction, 0.0, "the sample's first action is node-6 joining at 20 s");
        TimeLineChart startUp = figure.startUpChart();
        TimeLineChart run = figure.runChart();
        assertEquals(firstAction, ((NumberAxis) run.getXAxis()).getLowerBound(), 0.0, "the run chart starts at the first action");
        assertEquals(firstAction, ((NumberAxis) startUp.getXAxis()).getUpperBound(), 0.0);
        assertTrue(run.getTitle().contains("sample-scale-out") && run.getTitle().contains("alloy-ring")
                && run.getTitle().contains("seed 42"), run.getTitle());
        List<AgreementSample> samples = result.agreement();
        for (TimeLineChart chart : List.of(startUp, run)) {
            NumberAxis x = (NumberAxis) chart.getXAxis();
            List<AgreementSample> inRange = samples.stream()
                    .filter(s -> s.time() >= x.getLowerBound() && s.time() <= x.getUpperBound()).toList();
            XYChart.Series<Number, Number> unowned = chart.getData().get(0);
            XYChart.Series<Number, Number> doubled = chart.getData().get(1);
            assertEquals("unowned", unowned.getName());
            assertEquals("double-owned", doubled.getName());
            assertEquals(inRange.size(), unowned.getData().size());
            for (int i = 0; i < inRange.size(); i++) {
                assertEquals(inRange.get(i).time(), unowned.getData().get(i).getXValue().doubleValue(), 0.0);
                assertEquals(inRange.get(i).maxUnowned(), unowned.getData().get(i).getYValue().longValue());
                assertEquals(inRange.get(i).maxDoubleOwned(), doubled.getData().get(i).getYValue().longValue());
            }
        }
        assertTrue(samples.stream().anyMatch(s -> s.maxUnowned() > 0) && samples.stream().anyMatch(s -> s.maxDoubleOwned() > 0),
                "the sample exercises both lines");
        // The cursor shows in whichever part holds the time.
        robot.interact(() -> figure.setCursor(5));
        assertTrue(startUp.cursorShown() && !run.cursorShown());
        robot.interact(() -> figure.setCursor(firstAction + 1));
        assertTrue(!startUp.cursorShown() && run.cursorShown());
    }

    @Test
    void periodicSamplesThatRepeatASizeAddNoPoints() {
        List<ViewSample> samples = List.of(new ViewSample(0, "a", 3), new ViewSample(1, "a", 3), new ViewSample(2, "a", 4),
                new ViewSample(3, "a", 4), new ViewSample(4, "a", 4));
        List<String> points = MembershipTimelineChart.stepSeries("a", samples, 10).getData().stream()
                .map(d -> d.getXValue() + ":" + d.getYValue()).toList();
        assertEquals(List.of("0.0:3", "2.0:3", "2.0:4", "10.0:4"), points);
    }

    @Test
    void timelineHasAStepLinePerNodeAndAMarkerPerEvent(FxRobot robot) throws Exception {
        TimeLineChart chart = fx(() -> MembershipTimelineChart.create(result));
        show(robot, chart);
        Map<String, List<ViewSample>> byNode = MembershipTimelineChart.byNode(result.views());
        assertEquals(List.copyOf(byNode.keySet()), chart.getData().stream().map(XYChart.Series::getName).toList());
        for (XYChart.Series<Number, Number> series : chart.getData()) {
            List<ViewSample> samples = byNode.get(series.getName());
            // At every sample's time the line (its last point at or before that time) shows the sample's size.
            for (ViewSample s : samples) {
                XYChart.Data<Number, Number> at = null;
                for (XYChart.Data<Number, Number> d : series.getData()) {
                    if (d.getXValue().doubleValue() <= s.time()) {
                        at = d;
                    }
                }
                assertTrue(at != null && at.getYValue().intValue() == s.viewSize(), series.getName() + " misses " + s);
            }
            // And it invents nothing: every point's size is that of the latest sample at or before it.
            for (XYChart.Data<Number, Number> d : series.getData()) {
                double x = d.getXValue().doubleValue();
                int y = d.getYValue().intValue();
                boolean held = samples.stream().anyMatch(s -> s.time() <= x && s.viewSize() == y);
                assertTrue(held, series.getName() + " invents " + x + "," + y);
            }
        }
        List<MembershipEvent> events = result.events();
        for (MembershipEvent e : events) {
            assertTrue(chart.markers().stream().anyMatch(m -> m.time() == e.time() && m.label().startsWith(e.kind().label())),
                    "no marker for " + e);
        }
        long moments = events.stream().map(e -> e.time() + e.kind().label()).distinct().count();
        assertEquals(moments, chart.markers().size(), "one marker per kind and moment");
        assertEquals("join \u00d76", chart.markers().get(0).label(), "the initial fleet's joins share a marker");
        // A crashed node's line stops at its crash instead of claiming a view until the end.
        XYChart.Series<Number, Number> crashed = chart.getData().stream()
                .filter(s -> s.getName().equals("node-3")).findFirst().orElseThrow();
        double crashTime = events.stream().filter(e -> e.kind() == EventKind.CRASH).findFirst().orElseThrow().time();
        assertEquals(crashTime, crashed.getData().get(crashed.getData().size() - 1).getXValue().doubleValue(), 0.0);
        assertTrue(events.stream().anyMatch(e -> e.kind() == EventKind.SUSPECT), "the sample has a suspicion");
    }
}
