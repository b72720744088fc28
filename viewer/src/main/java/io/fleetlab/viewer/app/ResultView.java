package io.fleetlab.viewer.app;

import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.viewer.charts.AgreementChart;
import io.fleetlab.viewer.charts.TimeCursor;
import io.fleetlab.viewer.figures.RunFigures;
import io.fleetlab.viewer.ring.RingView;
import io.fleetlab.viewer.table.EventTableView;
import io.fleetlab.viewer.table.PeerTableView;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One result: a summary line, a tab per figure, and a time slider that drives the ring, the
 * peer table and the cursors on the time charts.
 */
public final class ResultView extends BorderPane {
    private final RunFigures figures;
    private final RingView ring;
    private final PeerTableView peers;
    private final Region membership;
    private final AgreementChart agreement;
    private final Slider slider;
    private final Label timeLabel = new Label();
    private final TextField target = new TextField(RunFigures.DEFAULT_TARGET);
    private final Moments moments;
    private final EventTableView events;

    public ResultView(SimulationResult result) {
        this.figures = new RunFigures(result);
        this.ring = figures.ringView();
        this.peers = figures.peerTable();
        this.membership = figures.membershipChart();
        this.agreement = figures.agreementChart();
        this.moments = Moments.of(result, figures.replay());
        this.events = new EventTableView(result.events());
        double end = Math.max(0, result.durationSeconds());
        this.slider = new Slider(0, end, end);
        slider.setId("timeSlider");
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(end > 0 ? Math.max(1, Math.round(end / 10)) : 1);
        timeLabel.setId("timeLabel");
        timeLabel.setMinWidth(110);
        target.setId("targetField");
        target.setPromptText("target name");

        Label summary = new Label(summary(result));
        summary.setId("summary");
        summary.setPadding(new Insets(6, 8, 6, 8));
        setTop(summary);
        setCenter(tabs(result));
        Button previous = new Button("\u25c0");
        previous.setId("previousChange");
        previous.setTooltip(new Tooltip("previous event or peer-table change"));
        previous.setOnAction(e -> moments.before(slider.getValue()).ifPresent(slider::setValue));
        Button next = new Button("\u25b6");
        next.setId("nextChange");
        next.setTooltip(new Tooltip("next event or peer-table change"));
        next.setOnAction(e -> moments.after(slider.getValue()).ifPresent(slider::setValue));
        HBox time = new HBox(8, new Label("time"), previous, slider, next, timeLabel);
        time.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        time.setPadding(new Insets(6, 8, 8, 8));
        setBottom(time);

        slider.valueProperty().addListener((obs, old, now) -> showTime(now.doubleValue()));
        target.textProperty().addListener((obs, old, now) -> showTime(slider.getValue()));
        showTime(slider.getValue());
    }

    private TabPane tabs(SimulationResult result) {
        Label peersTitle = new Label("Peer table of " + figures.replay().observer());
        VBox side = new VBox(6, new Label("Target (its string key is looked up on the ring)"), target, peersTitle, peers);
        VBox.setVgrow(peers, Priority.ALWAYS);
        side.setPadding(new Insets(6));
        SplitPane ringAndPeers = new SplitPane(ring, side);
        ringAndPeers.setDividerPositions(0.62);
        SplitPane timeline = new SplitPane(membership, events);
        timeline.setOrientation(Orientation.VERTICAL);
        timeline.setDividerPositions(0.7);
        TabPane tabs = new TabPane(
                new Tab("Ring & peers", ringAndPeers),
                new Tab("Membership", timeline),
                new Tab("Redistribution", figures.redistributionChart()),
                new Tab("Agreement", agreement),
                new Tab("Load", figures.loadChart()),
                new Tab("Protocol", figures.protocolView()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        return tabs;
    }

    /** Moves everything time-dependent to simulated time {@code t}. */
    private void showTime(double t) {
        timeLabel.setText(String.format(Locale.ROOT, "t = %.1f s", t));
        peers.showAt(t);
        figures.showRing(ring, t, target.getText());
        ((TimeCursor) membership).setCursor(t);
        agreement.setCursor(t);
        events.showAt(t);
    }

    private static String summary(SimulationResult r) {
        int nodes = r.nodes() == null ? 0 : r.nodes().size();
        return String.format(Locale.ROOT, "%s  |  seed %d  |  %s (%d tokens/node)  |  %d nodes, %d targets  |  %.1f s simulated",
                r.scenario(), r.seed(), r.algorithm(), r.tokensPerNode(), nodes, r.targetCount(), r.durationSeconds());
    }

    public RunFigures figures() {
        return figures;
    }

    public Slider slider() {
        return slider;
    }
}
