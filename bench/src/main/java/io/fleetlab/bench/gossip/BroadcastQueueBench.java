package io.fleetlab.bench.gossip;

import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import io.fleetlab.core.membership.swim.SwimMath;
import io.fleetlab.core.membership.wire.PacketCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One gossip packet's worth of broadcast-queue work with {@code queued} messages waiting, as a
 * node of a 1,000-node fleet sees it while news spreads: {@value #NEWS_PER_PACKET} new messages
 * (each replacing the older one about the same node, from a pool of {@code queued} nodes, 30-89
 * bytes long) are queued, then one packet is filled (Alloy's 1,400-byte packets, memberlist's
 * per-message overhead, retransmit limit 4 x ceil(log10(1001)) = 16). {@code tiers} is core's
 * {@link BroadcastQueue}; {@code treeWalk} the sorted-set walk it replaced
 * ({@link TreeWalkBroadcastQueue}); {@code tiersUnbounded} the tiers before a take knew a lower
 * bound of each tier's lengths ({@link UnboundedTierBroadcastQueue}); {@code tiersByRow} core's
 * queue finding the message to replace by the node's row instead of its name (as member tables
 * queue news); all fed the same messages in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BroadcastQueueBench {
    static final int NEWS_PER_PACKET = 8;
    static final int BUDGET = 1400 - PacketCodec.COMPOUND_HEADER;
    static final int RETRANSMIT_LIMIT = SwimMath.retransmitLimit(4, 1000);
    private static final int BODIES = 4096;

    @Param({"100", "500"})
    int queued;

    private String[] nodes;
    private final byte[][] bodies = new byte[BODIES][];
    private final List<byte[]> out = new ArrayList<>();
    private int nextNode;
    private int nextBody;
    BroadcastQueue<byte[]> tiers;
    BroadcastQueue<byte[]> tiersRows;
    TreeWalkBroadcastQueue<byte[]> treeWalk;
    UnboundedTierBroadcastQueue<byte[]> tiersUnbounded;

    @Setup
    public void fill() {
        SplittableRandom random = new SplittableRandom(5);
        nodes = new String[queued];
        for (int i = 0; i < queued; i++) {
            nodes[i] = GossipMessages.name(i);
        }
        for (int i = 0; i < BODIES; i++) {
            bodies[i] = new byte[30 + random.nextInt(60)];
        }
        tiers = new BroadcastQueue<>(b -> b.length);
        tiersRows = new BroadcastQueue<>(b -> b.length);
        treeWalk = new TreeWalkBroadcastQueue<>(b -> b.length);
        tiersUnbounded = new UnboundedTierBroadcastQueue<>(b -> b.length);
        for (int i = 0; i < queued; i++) {
            tiers.add(Topic.LIVENESS, nodes[i], bodies[i & (BODIES - 1)]);
            tiersRows.add(Topic.LIVENESS, nodes[i], i, bodies[i & (BODIES - 1)]);
            treeWalk.add(Topic.LIVENESS, nodes[i], bodies[i & (BODIES - 1)]);
            tiersUnbounded.add(Topic.LIVENESS, nodes[i], bodies[i & (BODIES - 1)]);
        }
    }

    @Benchmark
    public int tiers() {
        for (int i = 0; i < NEWS_PER_PACKET; i++) {
            tiers.add(Topic.LIVENESS, nextNode(), nextBody());
        }
        out.clear();
        return tiers.take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, 255, RETRANSMIT_LIMIT, out);
    }

    /** {@link #tiers}, each message queued with its node's row. */
    @Benchmark
    public int tiersByRow() {
        for (int i = 0; i < NEWS_PER_PACKET; i++) {
            int row = nextNode;
            tiersRows.add(Topic.LIVENESS, nextNode(), row, nextBody());
        }
        out.clear();
        return tiersRows.take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, 255, RETRANSMIT_LIMIT, out);
    }

    @Benchmark
    public int treeWalk() {
        for (int i = 0; i < NEWS_PER_PACKET; i++) {
            treeWalk.add(Topic.LIVENESS, nextNode(), nextBody());
        }
        out.clear();
        return treeWalk.take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, 255, RETRANSMIT_LIMIT, out);
    }

    @Benchmark
    public int tiersUnbounded() {
        for (int i = 0; i < NEWS_PER_PACKET; i++) {
            tiersUnbounded.add(Topic.LIVENESS, nextNode(), nextBody());
        }
        out.clear();
        return tiersUnbounded.take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, 255, RETRANSMIT_LIMIT, out);
    }

    /**
     * A burst: news about every one of {@code queued} nodes at once (as a node meets a fleet
     * while it joins), then packets until all of it has been sent the retransmit limit times.
     * Per operation: the whole burst.
     */
    @Benchmark
    public int burstTiers() {
        BroadcastQueue<byte[]> q = new BroadcastQueue<>(b -> b.length);
        for (int i = 0; i < nodes.length; i++) {
            q.add(Topic.LIVENESS, nodes[i], bodies[i & (BODIES - 1)]);
        }
        int used = 0;
        while (q.size() > 0) {
            out.clear();
            used += q.take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, 255, RETRANSMIT_LIMIT, out);
        }
        return used;
    }

    /** {@link #burstTiers}, each message queued with its node's row. */
    @Benchmark
    public int burstTiersByRow() {
        BroadcastQueue<byte[]> q = new BroadcastQueue<>(b -> b.length);
        for (int i = 0; i < nodes.length; i++) {
            q.add(Topic.LIVENESS, nodes[i], i, bodies[i & (BODIES - 1)]);
        }
        int used = 0;
        while (q.size() > 0) {
            out.clear();
            used += q.take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, 255, RETRANSMIT_LIMIT, out);
        }
        return used;
    }

    /** {@link #burstTiers} on the tiers as they were ({@link UnboundedTierBroadcastQueue}). */
    @Benchmark
    public int burstUnbounded() {
        UnboundedTierBroadcastQueue<byte[]> q = new UnboundedTierBroadcastQueue<>(b -> b.length);
        for (int i = 0; i < nodes.length; i++) {
            q.add(Topic.LIVENESS, nodes[i], bodies[i & (BODIES - 1)]);
        }
        int used = 0;
        while (q.size() > 0) {
            out.clear();
            used += q.take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, 255, RETRANSMIT_LIMIT, out);
        }
        return used;
    }

    private String nextNode() {
        String n = nodes[nextNode];
        nextNode = nextNode + 1 == nodes.length ? 0 : nextNode + 1;
        return n;
    }

    private byte[] nextBody() {
        return bodies[nextBody++ & (BODIES - 1)];
    }
}
