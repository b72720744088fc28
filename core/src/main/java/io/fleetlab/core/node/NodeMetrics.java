package io.fleetlab.core.node;

import io.fleetlab.core.membership.RejectReason;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.PeerState;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A node's {@code /metrics} in Prometheus' text format, through the Prometheus Java client, with
 * memberlist's and ckit's names where they have one. Every scrape takes one consistent
 * {@link Snapshot} on the node's event loop; the callbacks only read it.
 */
final class NodeMetrics {
    /** The figures of one scrape, taken together on the event loop. */
    record Snapshot(Map<NodeStatus, Integer> members, Map<PeerState, Integer> peers, int healthScore,
            long packetsSent, long packetBytesSent, long packetsReceived, long packetBytesReceived,
            long streamsSent, long streamBytesSent, long streamsReceived, long streamBytesReceived,
            long probes, long gossipRounds, long pushPulls, Map<RejectReason, Long> rejected,
            List<String> components, long[] owned, long[] started, long[] stopped, boolean ready) {}

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Supplier<Snapshot> source;
    private Snapshot current;

    NodeMetrics(Supplier<Snapshot> source) {
        this.source = source;
        GaugeWithCallback.builder().name("memberlist_node_instances")
                .help("Members in the local member table by liveness state (memberlist)")
                .labelNames("node_state")
                .callback(cb -> {
                    for (NodeStatus s : NodeStatus.values()) {
                        cb.call(current.members().getOrDefault(s, 0), s.name().toLowerCase(Locale.ROOT));
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("memberlist_health_score")
                .help("Lifeguard local health score, 0 is healthy (memberlist)")
                .callback(cb -> cb.call(current.healthScore())).register(registry);
        GaugeWithCallback.builder().name("cluster_node_peers")
                .help("Peers in the node's view by Alloy peer state (ckit)")
                .labelNames("state")
                .callback(cb -> {
                    for (PeerState s : PeerState.values()) {
                        cb.call(current.peers().getOrDefault(s, 0), s.name().toLowerCase(Locale.ROOT));
                    }
                }).register(registry);
        counter("memberlist_udp_sent_packets", "Datagrams sent", s -> s.packetsSent());
        counter("memberlist_udp_sent_bytes", "Datagram bytes sent", s -> s.packetBytesSent());
        counter("memberlist_udp_received_packets", "Datagrams received", s -> s.packetsReceived());
        counter("memberlist_udp_received_bytes", "Datagram bytes received", s -> s.packetBytesReceived());
        counter("memberlist_tcp_sent_streams", "Streams (push-pull, join) sent", s -> s.streamsSent());
        counter("memberlist_tcp_sent_bytes", "Stream bytes sent", s -> s.streamBytesSent());
        counter("memberlist_tcp_received_streams", "Streams received", s -> s.streamsReceived());
        counter("memberlist_tcp_received_bytes", "Stream bytes received", s -> s.streamBytesReceived());
        counter("memberlist_probe_node", "Failure-detector probes started", s -> s.probes());
        counter("memberlist_gossip", "Gossip rounds", s -> s.gossipRounds());
        counter("memberlist_push_pull_node", "Periodic push-pull exchanges started", s -> s.pushPulls());
        CounterWithCallback.builder().name("memberlist_rejected_messages")
                .help("Input refused, by reason")
                .labelNames("reason")
                .callback(cb -> {
                    for (RejectReason r : RejectReason.values()) {
                        cb.call(current.rejected().getOrDefault(r, 0L), r.name().toLowerCase(Locale.ROOT));
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("fleetlab_owned_targets")
                .help("Targets the component scrapes now (after its scrape manager's last reload)")
                .labelNames("component")
                .callback(cb -> {
                    for (int c = 0; c < current.components().size(); c++) {
                        cb.call(current.owned()[c], current.components().get(c));
                    }
                }).register(registry);
        CounterWithCallback.builder().name("fleetlab_ownership_changes")
                .help("Targets the component started or stopped scraping")
                .labelNames("component", "change")
                .callback(cb -> {
                    for (int c = 0; c < current.components().size(); c++) {
                        cb.call(current.started()[c], current.components().get(c), "started");
                        cb.call(current.stopped()[c], current.components().get(c), "stopped");
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("cluster_ready")
                .help("1 when the cluster admits traffic to clustered components (Alloy's Ready, wait-for-size)")
                .callback(cb -> cb.call(current.ready() ? 1 : 0)).register(registry);
    }

    private void counter(String name, String help, java.util.function.ToLongFunction<Snapshot> value) {
        CounterWithCallback.builder().name(name).help(help)
                .callback(cb -> cb.call(value.applyAsLong(current))).register(registry);
    }

    /** One scrape in Prometheus' text format (version 0.0.4). */
    synchronized byte[] scrape() throws IOException {
        current = source.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        return out.toByteArray();
    }

    static Map<NodeStatus, Integer> emptyStatusMap() {
        return new EnumMap<>(NodeStatus.class);
    }
}
