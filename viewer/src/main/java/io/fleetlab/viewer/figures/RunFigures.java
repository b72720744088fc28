package io.fleetlab.viewer.figures;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.simulator.result.NodeInfo;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.viewer.charts.AgreementChart;
import io.fleetlab.viewer.charts.LoadChart;
import io.fleetlab.viewer.charts.MembershipTimelineChart;
import io.fleetlab.viewer.charts.RedistributionChart;
import io.fleetlab.viewer.charts.MembershipHeatMap;
import io.fleetlab.viewer.charts.RunTitle;
import io.fleetlab.viewer.charts.TimeCursor;
import io.fleetlab.viewer.ring.NodeColors;
import io.fleetlab.viewer.ring.RingLayout;
import io.fleetlab.viewer.ring.RingLayouts;
import io.fleetlab.viewer.ring.RingView;
import io.fleetlab.viewer.table.PeerRow;
import io.fleetlab.viewer.table.PeerTableReplay;
import io.fleetlab.viewer.table.PeerTableView;
import io.fleetlab.viewer.table.ProtocolView;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Builds the figures of one run. The window and the PNG export both use it, so what is exported
 * is what the window shows.
 */
public final class RunFigures {
    /** The target the ring highlights until the user picks another. */
    public static final String DEFAULT_TARGET = "target-0";

    private final SimulationResult result;
    private final PeerTableReplay replay;
    private final RingLayouts ringLayouts;
    private final NodeColors colors;

    /**
     * @throws IllegalArgumentException when the result's peer log or algorithm is unusable,
     *                                  naming what is wrong
     */
    public RunFigures(SimulationResult result) {
        this.result = result;
        this.replay = new PeerTableReplay(result.peerChanges());
        this.ringLayouts = new RingLayouts(result.algorithm(), result.tokensPerNode());
        this.colors = new NodeColors(nodes().stream().map(NodeInfo::name).toList());
    }

    public SimulationResult result() {
        return result;
    }

    public PeerTableReplay replay() {
        return replay;
    }

    /**
     * Who is on the ring at time {@code t}: the observer's peer table replayed to {@code t}. A
     * result without a peer log puts every node of the run on the ring as a participant.
     */
    public List<Peer> ringPeersAt(double t) {
        if (result.peerChanges() == null || result.peerChanges().changes() == null
                || result.peerChanges().changes().isEmpty()) {
            return nodes().stream().map(n -> new Peer(n.name(), n.address(), PeerState.PARTICIPANT, false)).toList();
        }
        return replay.at(t).stream().map(PeerRow::toPeer).toList();
    }

    public RingLayout ringLayoutAt(double t, String target) {
        return ringLayouts.layout(ringPeersAt(t), target);
    }

    public String ringCaption(double t, RingLayout layout) {
        String tokens = HashingAlgorithm.of(result.algorithm()).usesTokens() ? ", " + result.tokensPerNode() + " tokens each" : "";
        return String.format(Locale.ROOT, "Ring (%s) at t = %.1f s: %d participants%s (as %s sees it)",
                RunTitle.of(result), t, layout.nodes().size(), tokens, replay.observer().isEmpty() ? "every node" : replay.observer());
    }

    public RingView ringView() {
        return new RingView(colors);
    }

    public void showRing(RingView view, double t, String target) {
        RingLayout layout = ringLayoutAt(t, target);
        view.show(layout, ringCaption(t, layout));
    }

    /**
     * Step lines per node for a small fleet; from {@link MembershipHeatMap#MIN_NODES} nodes on, a
     * convergence heat map. Either is a {@link TimeCursor}.
     */
    public Region membershipChart() {
        long nodes = result.views() == null ? 0 : result.views().stream().map(v -> v.node()).distinct().count();
        return nodes >= MembershipHeatMap.MIN_NODES ? new MembershipHeatMap(result) : MembershipTimelineChart.create(result);
    }

    public AgreementChart agreementChart() {
        return AgreementChart.create(result);
    }

    public Region redistributionChart() {
        return RedistributionChart.create(result);
    }

    public Region loadChart() {
        return LoadChart.figure(result);
    }

    public ProtocolView protocolView() {
        return new ProtocolView(result.membership(), RunTitle.titled("Protocol", result, ""));
    }

    public PeerTableView peerTable() {
        return new PeerTableView(replay);
    }

    /** A standalone figure as it looks at time {@code t}, for export. */
    public Region build(Figure figure, double t, String target) {
        return switch (figure) {
            case RING -> {
                RingView view = ringView();
                showRing(view, t, target);
                yield view;
            }
            case MEMBERSHIP -> withCursor(membershipChart(), t);
            case REDISTRIBUTION -> redistributionChart();
            case AGREEMENT -> withCursor(agreementChart(), t);
            case LOAD -> loadChart();
            case PROTOCOL -> protocolView();
            case PEERS -> {
                PeerTableView table = peerTable();
                table.showAt(t);
                Label title = new Label(String.format(Locale.ROOT,
                        "Peer table of %s at t = %.1f s (%s)", replay.observer(), t, RunTitle.of(result)));
                title.setStyle("-fx-font-size: 15px; -fx-padding: 6 8 6 8;");
                VBox box = new VBox(title, table);
                VBox.setVgrow(table, Priority.ALWAYS);
                box.setStyle("-fx-background-color: white;");
                yield box;
            }
        };
    }

    private static Region withCursor(Region chart, double t) {
        ((TimeCursor) chart).setCursor(t);
        return chart;
    }

    private List<NodeInfo> nodes() {
        return result.nodes() == null ? List.of() : result.nodes();
    }
}
