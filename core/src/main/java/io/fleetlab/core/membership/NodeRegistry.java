package io.fleetlab.core.membership;

import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The node identities the member tables of one process share: each name gets one small index,
 * and the immutable values tables hold about it (its member record, its peer-state message, its
 * {@link Peer} rows) are kept once and handed to every table that holds an equal value. A table
 * then stores per member an index-addressed reference instead of its own objects, which is what
 * lets ten thousand simulated nodes, each knowing ten thousand members, share one heap.
 *
 * <p>A {@link Membership} makes a private registry unless it is given one; a simulator passes one
 * registry to all the nodes of a run. Names are counted while some table holds them and dropped
 * (their index reused) when the last lets go, so names that pass through a long-running node do
 * not accumulate. Not thread-safe: every table sharing a registry must run on one thread.
 */
public final class NodeRegistry {
    private final Map<String, Entry> byName = new HashMap<>();
    private Entry[] byIndex = new Entry[16];
    private int[] free = new int[16];
    private int freeCount;
    private int used;
    /** The held entries in name order. */
    private Entry[] sorted = new Entry[16];
    private int sortedSize;
    /** The lists {@link #entriesOf} resolved last (compared by identity) and their entries. */
    private final Object[] resolvedLists = new Object[2];
    private final Entry[][] resolvedEntries = new Entry[2][];
    private int nextResolvedSlot;
    /**
     * The agreed state: per index the entry's last alive record and last peer-state message (null
     * where none), how many of each there are, and a count of their changes. A table holding
     * exactly these values, no more and no fewer, holds what every other such table holds; two
     * full states that both do at one version bring each other nothing ({@link MemberTable#holdsAgreed}).
     */
    private final AgreedColumn<NodeRecord> agreedRecords = new AgreedColumn<>(new NodeRecord[16]);
    private final AgreedColumn<StateMessage> agreedStates = new AgreedColumn<>(new StateMessage[16]);
    private long agreedVersion;

    /** What the registry holds about one name while a table holds it. */
    static final class Entry {
        final String name;
        final int index;
        /** Tables holding this name. */
        int holders;
        /** The last member record handed out for this name, by status. */
        final NodeRecord[] records = new NodeRecord[NodeStatus.values().length];
        /** The length of each of those records' encoding as a push-pull entry (-1: not encodable). */
        final int[] recordSizes = new int[NodeStatus.values().length];
        /** The last peer-state message made shared for this name, by state. */
        final StateMessage[] states = new StateMessage[PeerState.values().length];
        /** The length of each of those messages' encoding as a push-pull entry (-1: not encodable). */
        final int[] stateSizes = new int[PeerState.values().length];
        /** Peer rows of this name by state, for the last address seen. */
        final Peer[] peers = new Peer[PeerState.values().length];

        Entry(String name, int index) {
            this.name = name;
            this.index = index;
        }
    }

    /**
     * How long a table's columns should become when {@code index} (one of ours, at or past their
     * {@code length}) does not fit: half again as long, so a table learning a fleet name by name
     * copies its columns a few times rather than once per eighth; but never past the registry's
     * own index array (which also grows by half), so a table of a registry that stopped growing
     * holds little more than the indices handed out, and at least every index handed out.
     */
    int columnLength(int index, int length) {
        int grown = Math.min(length + (length >> 1) + 8, byIndex.length);
        return Math.max(index + 1, Math.max(used, grown));
    }

    /** Names held now. */
    public int size() {
        return byName.size();
    }

    /** Entries held now, in name order ({@link String#compareTo}): {@code sortedAt(0 .. sortedSize() - 1)}. */
    int sortedSize() {
        return sortedSize;
    }

    Entry sortedAt(int k) {
        return sorted[k];
    }

    /** The entry of {@code name}, or null when no table holds it. */
    Entry find(String name) {
        return byName.get(name);
    }

    /**
     * As {@link #find(String)}, trying {@code hint} first (an index some table of this process
     * holds the name at, or any other number): the entry there is the name's when it names the
     * very string {@code name}, since names are unique; anything else is looked up.
     */
    Entry find(String name, int hint) {
        Entry e = hinted(name, hint);
        return e != null ? e : byName.get(name);
    }

    /** The entry at {@code hint} if it names the very string {@code name}, else null. */
    private Entry hinted(String name, int hint) {
        if (hint >= 0 && hint < used) {
            Entry e = byIndex[hint];
            if (e != null && e.name == name) {
                return e;
            }
        }
        return null;
    }

    /**
     * The entry of each name in {@code list} (null where no table holds it), for a list handed to
     * many tables: asked again for the same list instance, it checks each entry against the list
     * (held still, the same name) instead of looking the name up. A warm start hands one list of N
     * members to each of N nodes, which was N^2 hash-map lookups. Valid until the next release.
     */
    <T> Entry[] entriesOf(List<T> list, Function<T, String> nameOf) {
        for (int slot = 0; slot < resolvedLists.length; slot++) {
            if (resolvedLists[slot] == list && stillHeld(resolvedEntries[slot], list, nameOf)) {
                return resolvedEntries[slot];
            }
        }
        Entry[] entries = new Entry[list.size()];
        for (int k = 0; k < entries.length; k++) {
            entries[k] = find(nameOf.apply(list.get(k)));
        }
        // two lists are in play at once (members and their peer states): keep the last two
        int slot = nextResolvedSlot;
        nextResolvedSlot = (slot + 1) % resolvedLists.length;
        resolvedLists[slot] = list;
        resolvedEntries[slot] = entries;
        return entries;
    }

    private <T> boolean stillHeld(Entry[] entries, List<T> list, Function<T, String> nameOf) {
        if (entries.length != list.size()) {
            return false;
        }
        for (int k = 0; k < entries.length; k++) {
            Entry e = entries[k];
            if (e == null || e.index >= used || byIndex[e.index] != e) {
                return false;
            }
            String name = nameOf.apply(list.get(k));
            if (e.name != name && !e.name.equals(name)) {
                return false;
            }
        }
        return true;
    }

    /** Takes one more hold on {@code e}, an entry some table holds. */
    void hold(Entry e) {
        if (e.holders <= 0 || byIndex[e.index] != e) {
            throw new IllegalStateException(e.name + " is not held");
        }
        e.holders++;
    }

    /** The entry at {@code index}, or null. */
    Entry at(int index) {
        return index < used ? byIndex[index] : null;
    }

    /** Takes a hold on {@code name} for one table row; the first hold creates its entry. */
    Entry acquire(String name) {
        Entry e = byName.get(name);
        if (e == null) {
            int index;
            if (freeCount > 0) {
                index = free[--freeCount];
            } else {
                index = used++;
                if (index == byIndex.length) {
                    byIndex = Arrays.copyOf(byIndex, index + (index >> 1));
                    agreedRecords.grow(byIndex.length);
                    agreedStates.grow(byIndex.length);
                }
            }
            e = new Entry(name, index);
            byName.put(name, e);
            byIndex[index] = e;
            int at = -1 - sortedSearch(name);
            if (sortedSize == sorted.length) {
                sorted = Arrays.copyOf(sorted, sortedSize + (sortedSize >> 1));
            }
            System.arraycopy(sorted, at, sorted, at + 1, sortedSize - at);
            sorted[at] = e;
            sortedSize++;
        }
        e.holders++;
        return e;
    }

    /** As {@link #acquire(String)}, trying {@code hint} first as {@link #find(String, int)} does. */
    Entry acquire(String name, int hint) {
        Entry e = hinted(name, hint);
        if (e == null) {
            return acquire(name);
        }
        e.holders++;
        return e;
    }

    /** Lets go of one hold; the last one frees the name and its index. */
    void release(Entry e) {
        if (--e.holders > 0) {
            return;
        }
        byName.remove(e.name);
        byIndex[e.index] = null;
        agreedRecords.set(e.index, null);
        agreedStates.set(e.index, null);
        agreedVersion++;
        int at = sortedSearch(e.name);
        System.arraycopy(sorted, at + 1, sorted, at, sortedSize - at - 1);
        sorted[--sortedSize] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = e.index;
    }

    /** Position of {@code name} in {@link #sorted}, or -(insertion point) - 1. */
    private int sortedSearch(String name) {
        int lo = 0;
        int hi = sortedSize - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = sorted[mid].name.compareTo(name);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The shared record equal to ({@code e}'s name, address, incarnation, status). */
    NodeRecord record(Entry e, String address, long incarnation, NodeStatus status) {
        NodeRecord r = e.records[status.ordinal()];
        if (r != null && r.incarnation() == incarnation && r.address().equals(address)) {
            return r;
        }
        r = new NodeRecord(e.name, address, incarnation, status);
        e.records[status.ordinal()] = r;
        e.recordSizes[status.ordinal()] = PacketCodec.encodedSize(r);
        agreeOn(e, r);
        return r;
    }

    /** {@code r} itself or the shared record equal to it. */
    NodeRecord record(Entry e, NodeRecord r) {
        int s = r.status().ordinal();
        NodeRecord held = e.records[s];
        if (held != null && (held == r || held.equals(r))) {
            return held;
        }
        if (!r.name().equals(e.name)) {
            throw new IllegalArgumentException("record of " + r.name() + " for entry " + e.name);
        }
        // the entry's name instance, so every table shares one string
        e.records[s] = r.name() == e.name ? r : new NodeRecord(e.name, r.address(), r.incarnation(), r.status());
        e.recordSizes[s] = PacketCodec.encodedSize(e.records[s]);
        agreeOn(e, e.records[s]);
        return e.records[s];
    }

    /**
     * The length of {@code r}'s encoding as a push-pull entry, or -1 when it cannot be encoded
     * ({@link PacketCodec#encodedSize}): kept with the shared record, so computed once per value.
     */
    int recordSize(Entry e, NodeRecord r) {
        int s = r.status().ordinal();
        return e.records[s] == r ? e.recordSizes[s] : PacketCodec.encodedSize(r);
    }

    /** As {@link #recordSize}, for a peer-state message. */
    int stateSize(Entry e, StateMessage s) {
        int k = s.state().ordinal();
        return e.states[k] == s ? e.stateSizes[k] : PacketCodec.encodedSize(s);
    }

    /** {@code s} itself or the shared message equal to it. */
    StateMessage state(Entry e, StateMessage s) {
        int k = s.state().ordinal();
        StateMessage held = e.states[k];
        if (held == null || held != s && !held.equals(s)) {
            held = s.nodeName() == e.name ? s : new StateMessage(e.name, s.state(), s.lamportTime());
            e.states[k] = held;
            e.stateSizes[k] = PacketCodec.encodedSize(held);
        }
        // the message handed out last is the agreed one (a node born a viewer, then a participant
        // again at the time the others hold, gets back the very message they hold)
        if (agreedStates.set(e.index, held)) {
            agreedVersion++;
        }
        return held;
    }

    /** A new shared record of {@code e}: if alive, the agreed one from now on. */
    private void agreeOn(Entry e, NodeRecord r) {
        if (r.status() != NodeStatus.ALIVE) {
            return;
        }
        agreedRecords.set(e.index, r);
        agreedVersion++;
    }

    /**
     * The agreed records by index as they are now, in an array the registry never changes again
     * (it copies it before the next change): valid for {@link #agreedVersion()} as it is now.
     */
    NodeRecord[] shareAgreedRecords() {
        return agreedRecords.share();
    }

    /** As {@link #shareAgreedRecords}, for the agreed peer-state messages. */
    StateMessage[] shareAgreedStates() {
        return agreedStates.share();
    }

    /** Counts the changes of the agreed state: at one version, one agreed state. */
    long agreedVersion() {
        return agreedVersion;
    }

    /**
     * Whether {@code records} (by registry index, null where there is no row; {@code rows} of them
     * not null) are exactly the agreed records: each one agreed, and as many as are agreed.
     */
    boolean agreedRecords(NodeRecord[] records, int rows) {
        return agreedRecords.heldExactlyBy(records, rows, used);
    }

    /** As {@link #agreedRecords}, for held peer-state messages. */
    boolean agreedStates(StateMessage[] states, int held) {
        return agreedStates.heldExactlyBy(states, held, used);
    }

    /** The shared peer row of {@code e} at {@code address} in {@code state} (not the local node). */
    Peer peer(Entry e, String address, PeerState state) {
        Peer p = e.peers[state.ordinal()];
        if (p == null || !p.address().equals(address)) {
            p = new Peer(e.name, address, state, false);
            e.peers[state.ordinal()] = p;
        }
        return p;
    }
}
