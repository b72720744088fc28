package io.fleetlab.simulator.study;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.KeyAwareSharder;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import io.fleetlab.simulator.workload.TargetPopulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Measures one algorithm at one fleet size: how evenly it spreads targets, and how many move
 * when a node joins or leaves, against the ideal and the statistical bound.
 */
public final class RingStudy {
    private final String algorithm;
    private final int tokensPerNode;
    private final long[] keys;

    /** A study of {@code algorithm} over {@code targetCount} scrape-target-like keys. */
    public RingStudy(String algorithm, int tokensPerNode, int targetCount, long seed) {
        this.algorithm = algorithm;
        this.tokensPerNode = tokensPerNode;
        this.keys = syntheticTargets(targetCount, seed);
    }

    /**
     * Keys of the scenario generator's {@code kubernetes-pods} targets ({@link TargetPopulation}),
     * drawn from {@code seed}: the study and the simulator measure the same kind of target.
     */
    static long[] syntheticTargets(int count, long seed) {
        TargetSet set = TargetPopulation.generate("kubernetes-pods", count, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
        long[] keys = new long[set.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = set.key(i);
        }
        return keys;
    }

    static List<Peer> fleet(int n) {
        List<Peer> peers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            peers.add(Peer.participant("alloy-" + i));
        }
        return peers;
    }

    private Sharder sharderFor(List<Peer> peers) {
        Sharder s = HashingAlgorithm.create(algorithm, tokensPerNode);
        s.setPeers(peers);
        if (s instanceof KeyAwareSharder aware) {
            aware.setKeys(keys);
        }
        return s;
    }

    private String[] owners(Sharder s) {
        String[] owners = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            owners[i] = s.owner(keys[i], Op.READ_WRITE).name();
        }
        return owners;
    }

    private static double movedFraction(String[] before, String[] after) {
        int moved = 0;
        for (int i = 0; i < before.length; i++) {
            if (!before[i].equals(after[i])) {
                moved++;
            }
        }
        return moved / (double) before.length;
    }

    /** Runs the study at {@code n} nodes: balance at n, a join to n+1, and a leave to n-1. */
    public RingStudyResult run(int n, long seed) {
        List<Peer> peers = fleet(n);
        String[] base = owners(sharderFor(peers));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String o : base) {
            counts.merge(o, 1, Integer::sum);
        }
        double[] loads = new double[n];
        for (int i = 0; i < n; i++) {
            loads[i] = counts.getOrDefault("alloy-" + i, 0);
        }
        List<Peer> grown = new ArrayList<>(peers);
        grown.add(Peer.participant("alloy-" + n));
        double joined = movedFraction(base, owners(sharderFor(grown)));
        double left = Double.NaN;
        if (n > 1) {
            List<Peer> shrunk = new ArrayList<>(peers);
            shrunk.remove(new SplittableRandom(seed).nextInt(n));
            left = movedFraction(base, owners(sharderFor(shrunk)));
        }
        return RingStudyResult.of(algorithm, tokensPerNode, keys.length, n, loads, joined, left);
    }
}
