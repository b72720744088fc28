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
 * The broadcast queues of a whole fleet in one process while news spreads, as the simulator runs
 * them: {@code queues} nodes, each queue holding 400 to 1,000 messages of 13-27 bytes (alive and
 * peer-state news of a 1,000-node fleet: the lengths {@code large-fleet} queues), and each
 * operation is one gossip packet from the next node in turn: {@value #NEWS_PER_PACKET} new
 * messages queued by row (replacing older news of the same nodes), {@value #BURST} more when the
 * queue holds fewer than {@value #LOW} (a node meeting many members at once), then a take with the
 * simulator's budget (64 KB packets, at most 255 messages, retransmit limit 16). In
 * {@code large-fleet}'s first 180 s a take picks 143 messages of 730 queued on average, and about
 * 10 messages are queued per take.
 * With a thousand queues their messages do not stay in the processor's caches between one node's
 * packets, as in a run. {@code slots} is core's {@link BroadcastQueue}, {@code linked} the linked
 * tiers it replaced ({@link LinkedTierBroadcastQueue}), fed the same messages in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FleetQueuesBench {
    static final int QUEUED = 1000;
    static final int NEWS_PER_PACKET = 10;
    static final int LOW = 400;
    static final int BURST = 600;
    static final int BUDGET = 65_000;
    static final int MAX_COUNT = 255;
    static final int RETRANSMIT_LIMIT = SwimMath.retransmitLimit(4, 1000);
    private static final int LENGTHS = 15;

    @Param({"1000"})
    int queues;

    private String[] nodes;
    private byte[][] bodies;
    private final List<byte[]> out = new ArrayList<>();
    private int next;
    private int[] nextRow;
    BroadcastQueue<byte[]>[] slots;
    LinkedTierBroadcastQueue<byte[]>[] linked;

    @Setup
    @SuppressWarnings("unchecked")
    public void fill() {
        SplittableRandom random = new SplittableRandom(9);
        nodes = new String[QUEUED];
        bodies = new byte[QUEUED][];
        for (int i = 0; i < QUEUED; i++) {
            nodes[i] = GossipMessages.name(i);
            bodies[i] = new byte[13 + random.nextInt(LENGTHS)];
        }
        slots = new BroadcastQueue[queues];
        linked = new LinkedTierBroadcastQueue[queues];
        nextRow = new int[queues];
        for (int q = 0; q < queues; q++) {
            slots[q] = new BroadcastQueue<>(b -> b.length);
            linked[q] = new LinkedTierBroadcastQueue<>(b -> b.length);
            // a burst, then takes until the tiers hold it spread out
            for (int i = 0; i < QUEUED; i++) {
                slots[q].add(Topic.LIVENESS, nodes[i], i, bodies[i]);
                linked[q].add(Topic.LIVENESS, nodes[i], i, bodies[i]);
            }
            for (int t = random.nextInt(8); t > 0; t--) {
                out.clear();
                slots[q].take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, MAX_COUNT, RETRANSMIT_LIMIT, out);
                out.clear();
                linked[q].take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, MAX_COUNT, RETRANSMIT_LIMIT, out);
            }
        }
    }

    @Benchmark
    public int slots() {
        int q = nextQueue();
        BroadcastQueue<byte[]> queue = slots[q];
        int row = nextRow[q];
        int news = queue.size() < LOW ? NEWS_PER_PACKET + BURST : NEWS_PER_PACKET;
        for (int i = 0; i < news; i++) {
            queue.add(Topic.LIVENESS, nodes[row], row, bodies[row]);
            row = row + 1 == QUEUED ? 0 : row + 1;
        }
        nextRow[q] = row;
        out.clear();
        return queue.take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, MAX_COUNT, RETRANSMIT_LIMIT, out);
    }

    @Benchmark
    public int linked() {
        int q = nextQueue();
        LinkedTierBroadcastQueue<byte[]> queue = linked[q];
        int row = nextRow[q];
        int news = queue.size() < LOW ? NEWS_PER_PACKET + BURST : NEWS_PER_PACKET;
        for (int i = 0; i < news; i++) {
            queue.add(Topic.LIVENESS, nodes[row], row, bodies[row]);
            row = row + 1 == QUEUED ? 0 : row + 1;
        }
        nextRow[q] = row;
        out.clear();
        return queue.take(BUDGET, PacketCodec.COMPOUND_PER_MESSAGE, MAX_COUNT, RETRANSMIT_LIMIT, out);
    }

    private int nextQueue() {
        int q = next;
        next = next + 1 == queues ? 0 : next + 1;
        return q;
    }
}
