package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.EventKind;
import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.result.ViewSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;

/**
 * The membership timeline: each node's view size (members it believes alive) as a step line,
 * with joins, leaves, crashes, suspicions and the other events as markers.
 */
public final class MembershipTimelineChart {
    private MembershipTimelineChart() {}

    public static TimeLineChart create(SimulationResult result) {
        TimeLineChart chart = new TimeLineChart(result.durationSeconds(), "view size (members believed alive)");
        chart.setId("membershipChart");
        chart.setTitle(RunTitle.titled("Membership", result, "view size per node and events"));
        fitViewAxis((NumberAxis) chart.getYAxis(), nullSafe(result.views()));
        List<MembershipEvent> events = nullSafe(result.events());
        for (Map.Entry<String, List<ViewSample>> e : byNode(result.views()).entrySet()) {
            List<ViewSample> samples = e.getValue();
            double end = lineEnd(e.getKey(), samples.get(samples.size() - 1).time(), events, result.durationSeconds());
            chart.getData().add(stepSeries(e.getKey(), samples, end));
        }
        chart.setLegendVisible(chart.getData().size() <= 24);
        markers(events).forEach(chart::addMarker);
        return chart;
    }

    /** View sizes are whole numbers: the axis spans them with a margin of one and whole ticks. */
    private static void fitViewAxis(NumberAxis axis, List<ViewSample> views) {
        int min = views.stream().mapToInt(ViewSample::viewSize).min().orElse(0);
        int max = views.stream().mapToInt(ViewSample::viewSize).max().orElse(1);
        double tick = Math.max(1, Math.ceil(NiceScale.tick(max - min + 2, 10)));
        axis.setAutoRanging(false);
        axis.setLowerBound(Math.max(0, Math.floor((min - 1) / tick) * tick));
        axis.setUpperBound(Math.ceil((max + 1) / tick) * tick);
        axis.setTickUnit(tick);
        axis.setMinorTickVisible(false);
    }

    /**
     * A node's view stops meaning anything when it crashes, pauses or leaves after its last
     * sample (results that sample views only when they change); periodic samples run to the end.
     */
    static double lineEnd(String node, double lastSample, List<MembershipEvent> events, double duration) {
        for (MembershipEvent e : events) {
            if (node.equals(e.node()) && e.time() >= lastSample
                    && (e.kind() == EventKind.CRASH || e.kind() == EventKind.LEAVE || e.kind() == EventKind.PAUSE)) {
                return e.time();
            }
        }
        return duration;
    }

    /** One marker per kind and moment; simultaneous events of one kind (a fleet starting) share it. */
    static List<TimeLineChart.Marker> markers(List<MembershipEvent> events) {
        Map<String, List<MembershipEvent>> groups = new LinkedHashMap<>();
        for (MembershipEvent e : events) {
            groups.computeIfAbsent(e.time() + "|" + e.kind(), k -> new ArrayList<>()).add(e);
        }
        List<TimeLineChart.Marker> markers = new ArrayList<>();
        for (List<MembershipEvent> group : groups.values()) {
            MembershipEvent first = group.get(0);
            String label = group.size() > 1 ? first.kind() + " ×" + group.size()
                    : first.node() == null || first.node().isEmpty() ? first.kind().label() : first.kind() + " " + first.node();
            markers.add(new TimeLineChart.Marker(first.time(), label, colorOf(first.kind())));
        }
        return markers;
    }

    /** View samples per node, nodes in order of first sample. */
    static Map<String, List<ViewSample>> byNode(List<ViewSample> views) {
        Map<String, List<ViewSample>> byNode = new LinkedHashMap<>();
        for (ViewSample v : nullSafe(views)) {
            byNode.computeIfAbsent(v.node(), k -> new ArrayList<>()).add(v);
        }
        return byNode;
    }

    /**
     * A step line: the size holds until the next sample that differs, then jumps; it runs to
     * {@code end}. Periodic samples that repeat the size add no points.
     */
    static XYChart.Series<Number, Number> stepSeries(String node, List<ViewSample> samples, double end) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(node);
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        ViewSample held = null;
        for (ViewSample s : samples) {
            if (held != null && s.viewSize() == held.viewSize()) {
                continue;
            }
            if (held != null) {
                points.add(new XYChart.Data<>(s.time(), held.viewSize()));
            }
            points.add(new XYChart.Data<>(s.time(), s.viewSize()));
            held = s;
        }
        if (held != null && end > held.time()) {
            points.add(new XYChart.Data<>(end, held.viewSize()));
        }
        series.getData().setAll(points);
        return series;
    }

    /** Scenario actions in cool or neutral colors, failures and suspicions in warm ones. */
    static Color colorOf(EventKind kind) {
        if (kind == null) {
            return Color.GRAY;
        }
        return switch (kind) {
            case JOIN, JOINED, RESTART, ALIVE -> Color.web("#2e7d32");
            case LEAVE, LEFT -> Color.web("#1565c0");
            case STATE -> Color.web("#5e35b1");
            case CRASH, DEAD -> Color.web("#c62828");
            case SUSPECT -> Color.web("#ef6c00");
            case PAUSE -> Color.web("#8d6e63");
            case PARTITION, HEAL, SET_LOSS -> Color.web("#455a64");
            default -> Color.GRAY;
        };
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
