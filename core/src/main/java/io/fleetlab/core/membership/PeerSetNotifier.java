package io.fleetlab.core.membership;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * Coalesces peer-set changes: listeners hear the latest view at most once per notify interval,
 * and only when it differs from what they heard last. Whether it differs is asked of the view
 * ({@link View#takeChanges}), which can tell from the members that changed, so a node hearing a
 * change a thousand times while a fleet starts does not build and compare a thousand-peer list
 * each time; the list is built only for listeners that take it.
 */
final class PeerSetNotifier {
    private static final System.Logger LOG = System.getLogger(PeerSetNotifier.class.getName());

    /** The view the notifier watches. */
    interface View {
        /** The view now: immutable, sorted by name. */
        List<Peer> peers();

        /**
         * Whether the view differs from what it was at the last call (from the empty view when
         * {@code fromScratch}, which the first call always is); from now on, changes count from here.
         */
        boolean takeChanges(boolean fromScratch);
    }

    /** A listener that takes the list, or one that only hears that the view changed. */
    private record Entry(PeerSetListener withList, Runnable signal) {}

    private final Scheduler scheduler;
    private final long intervalNanos;
    private final View view;
    private final List<Entry> listeners = new ArrayList<>();
    private long lastSentNanos;
    private boolean everSent;
    private Cancellable pending;

    PeerSetNotifier(Scheduler scheduler, long intervalNanos, View view) {
        this.scheduler = scheduler;
        this.intervalNanos = intervalNanos;
        this.view = view;
    }

    void add(PeerSetListener listener) {
        listeners.add(new Entry(listener, null));
    }

    void addSignal(Runnable listener) {
        listeners.add(new Entry(null, listener));
    }

    /** Something in the view may have changed: deliver it now or when the interval allows. */
    void changed() {
        if (pending != null || listeners.isEmpty()) {
            return;
        }
        long now = scheduler.nowNanos();
        long wait = everSent ? Math.max(0, lastSentNanos + intervalNanos - now) : 0;
        pending = scheduler.schedule(wait, this::deliver);
    }

    void stop() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private void deliver() {
        pending = null;
        boolean changed = view.takeChanges(!everSent);
        if (everSent && !changed) {
            return;
        }
        lastSentNanos = scheduler.nowNanos();
        everSent = true;
        List<Peer> peers = null;
        for (Entry l : listeners) {
            try {
                if (l.withList() != null) {
                    if (peers == null) {
                        peers = view.peers();
                    }
                    l.withList().onPeersChanged(peers);
                } else {
                    l.signal().run();
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "peer-set listener failed", e);
            }
        }
    }
}
