package io.fleetlab.simulator.node;

/**
 * Who owns each target under one peer view, as every node holding that view computes it (Alloy's
 * rules: primary owner on the read-write ring; nobody below the minimum cluster size; the local
 * node itself when no peer is eligible, i.e. fail open). Shared by every node with the same view.
 */
public final class ViewOwnership {
    /** Owner of target i is the node with id {@code owner[i]}. */
    static final int NORMAL = 0;
    /** Below the minimum cluster size: the holder owns nothing. */
    static final int NONE = 1;
    /** No eligible peer: the holder owns everything (fail open). */
    static final int ALL = 2;

    final String fingerprint;
    final int mode;
    final int[] owner;
    final int eligible;
    int references;

    ViewOwnership(String fingerprint, int mode, int[] owner, int eligible) {
        this.fingerprint = fingerprint;
        this.mode = mode;
        this.owner = owner;
        this.eligible = eligible;
    }

    /** Whether the node {@code id}, holding this view, owns target {@code t}. */
    public boolean owns(int id, int t) {
        return mode == NORMAL ? owner[t] == id : mode == ALL;
    }

    /** The primary owner's id of target {@code t}, or -1 when the view is not a normal ring. */
    public int ownerOf(int t) {
        return mode == NORMAL ? owner[t] : -1;
    }

    /** Targets node {@code id} owns under this view. */
    public int ownedCount(int id, int targets) {
        if (mode != NORMAL) {
            return mode == ALL ? targets : 0;
        }
        int n = 0;
        for (int o : owner) {
            if (o == id) {
                n++;
            }
        }
        return n;
    }

    /** Eligible (participant) peers in the view. */
    public int eligible() {
        return eligible;
    }
}
