package io.fleetlab.core.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.ThreadMXBean;
import io.fleetlab.core.hash.KeyHasher;
import io.fleetlab.core.testing.Gen;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The k = 1 lookup and key hashing must not allocate: counted with the JVM's per-thread
 * allocation counter, not timed.
 */
class AllocationFreeLookupTest {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedOnce(Runnable work) {
        long tid = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(tid);
        work.run();
        return THREADS.getThreadAllocatedBytes(tid) - before;
    }

    /**
     * The fewest bytes any of five rounds allocated. A path that allocates does so in every round
     * (10,000 lookups allocating would show at least 160,000 bytes each time); a few hundred bytes
     * in one round of a busy build are the runtime's (a compilation or deoptimization landing
     * while the round runs), and the next round shows zero.
     */
    private static long allocated(Runnable work) {
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < 5 && fewest > 0; round++) {
            fewest = Math.min(fewest, allocatedOnce(work));
        }
        return fewest;
    }

    @Test
    void ownerLookupAllocatesNothing() {
        SplittableRandom r = new SplittableRandom(7);
        AlloyRing ring = new AlloyRing();
        ring.setPeers(Gen.participants(Gen.names(r, 100)));
        long[] keys = Gen.keys(r, 10_000);
        long[] sink = new long[1];
        Runnable lookups = () -> {
            for (long k : keys) {
                sink[0] += ring.owner(k, Op.READ_WRITE).name().length();
            }
        };
        for (int i = 0; i < 20; i++) {
            lookups.run(); // let the JIT compile the path before counting
        }
        long bytes = allocated(lookups);
        assertEquals(0, bytes, "bytes allocated by 10,000 owner() lookups");
    }

    @Test
    void stringKeyHashingAllocatesNothing() {
        KeyHasher hasher = new KeyHasher();
        String[] keys = new String[1_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "{__address__=\"10.0." + (i % 256) + "." + i + ":9100\", job=\"node\"}";
        }
        long[] sink = new long[1];
        Runnable hashing = () -> {
            for (String k : keys) {
                sink[0] ^= hasher.string(k);
            }
        };
        for (int i = 0; i < 200; i++) {
            hashing.run();
        }
        assertEquals(0, allocated(hashing), "bytes allocated hashing 1,000 string keys");
    }
}
