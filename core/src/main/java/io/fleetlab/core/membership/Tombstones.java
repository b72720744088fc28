package io.fleetlab.core.membership;

import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.NodeStatus;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last incarnation of members reaped from the table, kept so that a replayed alive message of a
 * member that died or left cannot bring it back once its record is gone (memberlist forgets the
 * record and would take the replay as a new member). Bounded in entries and in age: the oldest
 * tombstone goes first when the table is full, and none outlives {@code maxAgeNanos}.
 */
final class Tombstones {
    /** Default bounds: 4,096 names (about 0.5 MB), one hour each. */
    static final int DEFAULT_MAX_ENTRIES = 4_096;
    static final long DEFAULT_MAX_AGE_NANOS = 3_600_000_000_000L;

    /** What was known of a member when it was reaped. */
    record Tombstone(String name, String address, long incarnation, NodeStatus status, long buriedAtNanos) {
    }

    private final int maxEntries;
    private final long maxAgeNanos;
    /** In burial order, so the oldest is first. */
    private final LinkedHashMap<String, Tombstone> byName = new LinkedHashMap<>();

    Tombstones(int maxEntries, long maxAgeNanos) {
        if (maxEntries < 0 || maxAgeNanos < 0) {
            throw new IllegalArgumentException("tombstone bounds must not be negative");
        }
        this.maxEntries = maxEntries;
        this.maxAgeNanos = maxAgeNanos;
    }

    /** Records a reaped member; a name buried again moves to the end (the newest). */
    void bury(NodeRecord m, long nowNanos) {
        if (maxEntries == 0) {
            return;
        }
        byName.remove(m.name());
        byName.put(m.name(), new Tombstone(m.name(), m.address(), m.incarnation(), m.status(), nowNanos));
        expire(nowNanos);
        while (byName.size() > maxEntries) {
            Iterator<Map.Entry<String, Tombstone>> it = byName.entrySet().iterator();
            it.next();
            it.remove();
        }
    }

    /** The tombstone of {@code name}, or null if there is none or it has expired. */
    Tombstone get(String name, long nowNanos) {
        if (byName.isEmpty()) {
            return null; // the common case, asked for every alive message heard
        }
        Tombstone t = byName.get(name);
        if (t != null && nowNanos - t.buriedAtNanos() > maxAgeNanos) {
            byName.remove(name);
            return null;
        }
        return t;
    }

    /** Forgets {@code name}: a newer life of it is in the table again. */
    void remove(String name) {
        if (byName.isEmpty()) {
            return; // the common case, for every member met: no name hashed
        }
        byName.remove(name);
    }

    int size() {
        return byName.size();
    }

    /** Drops tombstones older than the age bound (they are in burial order). */
    private void expire(long nowNanos) {
        Iterator<Tombstone> it = byName.values().iterator();
        while (it.hasNext()) {
            if (nowNanos - it.next().buriedAtNanos() <= maxAgeNanos) {
                return;
            }
            it.remove();
        }
    }
}
