package io.fleetlab.core.node;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.GossipPreset;
import io.fleetlab.core.peer.PeerState;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures the protocol's steady-state cost: starts N nodes on loopback, waits for them to
 * converge, then reports packets, messages and bytes sent per node per second over a window.
 *
 * <pre>java -cp core/target/classes io.fleetlab.core.node.LoopbackTrafficMeter [nodes] [seconds] [alloy|lan|wan|fast]</pre>
 */
public final class LoopbackTrafficMeter {
    private LoopbackTrafficMeter() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String preset = args.length > 2 ? args[2] : GossipPreset.DEFAULT.id();
        // "fast" is this tool's own timing (lan sped up), not a preset a node or scenario can name
        GossipConfig config = preset.equals("fast")
                ? GossipConfig.lan().toBuilder().probeInterval(Duration.ofMillis(200))
                        .probeTimeout(Duration.ofMillis(100)).gossipInterval(Duration.ofMillis(50))
                        .pushPullInterval(Duration.ofSeconds(2)).build()
                : GossipPreset.of(preset).config();
        SplittableRandom seeds = new SplittableRandom(1);
        List<LocalNode> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                LocalNode node = LocalNode.create("meter-" + i, new InetSocketAddress("127.0.0.1", 0), config,
                        seeds.split());
                nodes.add(node);
                node.start(i == 0 ? List.of() : List.of(nodes.get(0).address()), PeerState.PARTICIPANT);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!nodes.stream().allMatch(x -> x.peers().size() == n)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no convergence within 30 s");
                }
                Thread.sleep(50);
            }
            // let join-time news drain so the window measures the steady state
            Thread.sleep(2_000);
            long[][] start = new long[n][];
            for (int i = 0; i < n; i++) {
                start[i] = nodes.get(i).trafficSnapshot();
            }
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long[] sum = new long[6];
            for (int i = 0; i < n; i++) {
                long[] end = nodes.get(i).trafficSnapshot();
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += end[k] - start[i][k];
                }
            }
            double perNode = n * elapsed;
            System.out.printf(Locale.ROOT,
                    "%d nodes, preset %s, %.1f s window: per node per second %.2f packets sent, %.2f messages sent,"
                            + " %.1f bytes sent, %.2f packets received, %.1f bytes received, %.3f push-pull streams%n",
                    n, preset, elapsed, sum[0] / perNode, sum[4] / perNode, sum[1] / perNode, sum[2] / perNode,
                    sum[3] / perNode, sum[5] / perNode);
        } finally {
            for (LocalNode node : nodes) {
                node.kill();
            }
        }
    }
}
