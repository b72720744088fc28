package io.fleetlab.viewer.table;

import io.fleetlab.simulator.result.PeerTableLog;
import io.fleetlab.viewer.ring.NaturalOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays an observer's peer-table change log: the table at time t holds, per peer, the last
 * entry with {@code time <= t}, minus peers whose last entry says they left the table.
 */
public final class PeerTableReplay {
    private final String observer;
    private final List<PeerTableLog.Entry> changes;
    private final double[] times;

    /**
     * @throws IllegalArgumentException when the log is out of time order or has a bad state,
     *                                  naming the entry
     */
    public PeerTableReplay(PeerTableLog log) {
        this.observer = log == null ? "" : log.observer();
        this.changes = log == null || log.changes() == null ? List.of() : List.copyOf(log.changes());
        this.times = new double[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            PeerTableLog.Entry e = changes.get(i);
            String where = "peerChanges.changes[" + i + "]";
            if (e.name() == null || e.name().isEmpty()) {
                throw new IllegalArgumentException(where + ": missing peer name");
            }
            PeerRow.parseState(e.state(), where);
            if (i > 0 && e.time() < times[i - 1]) {
                throw new IllegalArgumentException(where + ": time " + e.time()
                        + " is before the previous entry's " + times[i - 1] + "; expected time order");
            }
            times[i] = e.time();
        }
    }

    /** The node whose table this is. */
    public String observer() {
        return observer;
    }

    /** The table at simulated time {@code t}, rows in natural name order ({@code alloy-2} before {@code alloy-10}). */
    public List<PeerRow> at(double t) {
        int end = upperBound(t);
        Map<String, PeerTableLog.Entry> last = new LinkedHashMap<>();
        for (int i = 0; i < end; i++) {
            PeerTableLog.Entry e = changes.get(i);
            last.put(e.name(), e);
        }
        List<PeerRow> rows = new ArrayList<>(last.size());
        for (PeerTableLog.Entry e : last.values()) {
            if (e.present()) {
                rows.add(new PeerRow(e.name(), e.address(), PeerRow.parseState(e.state(), "peerChanges"), e.self(), e.time()));
            }
        }
        rows.sort(Comparator.comparing(PeerRow::name, NaturalOrder.INSTANCE));
        return rows;
    }

    /** Number of log entries at or before {@code t}. */
    int upperBound(double t) {
        int i = Arrays.binarySearch(times, t);
        if (i < 0) {
            return -i - 1;
        }
        while (i < times.length && times[i] <= t) {
            i++;
        }
        return i;
    }

    /** Times at which the table changed, in order, without repeats. */
    public double[] changeTimes() {
        return Arrays.stream(times).distinct().toArray();
    }
}
