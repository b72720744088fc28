package io.fleetlab.simulator.network;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which directed links are cut. A two-way partition cuts both directions between groups. */
public final class Partitions {
    private final Set<String> cut = new HashSet<>();

    private static String link(String from, String to) {
        return from + '\u0000' + to;
    }

    /** Cuts every link between nodes of different groups, both ways. */
    public void split(List<List<String>> groups) {
        for (int g = 0; g < groups.size(); g++) {
            for (int h = 0; h < groups.size(); h++) {
                if (g != h) {
                    for (String a : groups.get(g)) {
                        for (String b : groups.get(h)) {
                            cut.add(link(a, b));
                        }
                    }
                }
            }
        }
    }

    /** Cuts the links from every node of {@code from} to every node of {@code to} only. */
    public void cutOneWay(List<String> from, List<String> to) {
        for (String a : from) {
            for (String b : to) {
                cut.add(link(a, b));
            }
        }
    }

    /** Restores every link. */
    public void heal() {
        cut.clear();
    }

    public boolean blocked(String from, String to) {
        return !cut.isEmpty() && cut.contains(link(from, to));
    }

    public boolean any() {
        return !cut.isEmpty();
    }
}
