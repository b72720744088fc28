package io.fleetlab.core.testing;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Seeded generators of node names, peer sets and keys. */
public final class Gen {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789-._ ñé";

    private Gen() {}

    public static String name(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> "alloy-" + r.nextInt(100_000);
            case 1 -> "10.0." + r.nextInt(256) + "." + r.nextInt(256) + ":12345";
            default -> {
                StringBuilder sb = new StringBuilder();
                int len = 1 + r.nextInt(20);
                for (int i = 0; i < len; i++) {
                    sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
                yield sb.toString();
            }
        };
    }

    public static List<String> names(SplittableRandom r, int count) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        while (names.size() < count) {
            String n = name(r);
            if (seen.add(n)) {
                names.add(n);
            }
        }
        return names;
    }

    public static List<Peer> participants(List<String> names) {
        List<Peer> peers = new ArrayList<>();
        for (String n : names) {
            peers.add(Peer.participant(n));
        }
        return peers;
    }

    public static List<Peer> mixedStates(SplittableRandom r, List<String> names) {
        List<Peer> peers = new ArrayList<>();
        PeerState[] states = PeerState.values();
        for (String n : names) {
            peers.add(new Peer(n, n, states[r.nextInt(states.length)], false));
        }
        return peers;
    }

    public static long[] keys(SplittableRandom r, int count) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = r.nextLong();
        }
        return keys;
    }

    public static <T> List<T> shuffled(SplittableRandom r, List<T> list) {
        List<T> copy = new ArrayList<>(list);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy;
    }
}
