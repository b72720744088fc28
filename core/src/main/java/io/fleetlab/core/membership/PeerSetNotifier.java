package io.fleetlab.core.membership;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Coalesces peer-set changes: listeners hear the latest view at most once per notify interval,
 * and only when it differs from what they heard last.
 */
final class PeerSetNotifier {
    private static final System.Logger LOG = System.getLogger(PeerSetNotifier.class.getName());

    private final Scheduler scheduler;
    private final long intervalNanos;
    private final Supplier<List<Peer>> view;
    private final List<PeerSetListener> listeners = new ArrayList<>();
    private List<Peer> lastSent = List.of();
    private long lastSentNanos;
    private boolean everSent;
    private Cancellable pending;

    PeerSetNotifier(Scheduler scheduler, long intervalNanos, Supplier<List<Peer>> view) {
        this.scheduler = scheduler;
        this.intervalNanos = intervalNanos;
        this.view = view;
    }

    void add(PeerSetListener listener) {
        listeners.add(listener);
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
        List<Peer> peers = view.get();
        if (everSent && peers.equals(lastSent)) {
            return;
        }
        lastSent = peers;
        lastSentNanos = scheduler.nowNanos();
        everSent = true;
        for (PeerSetListener l : listeners) {
            try {
                l.onPeersChanged(peers);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "peer-set listener failed", e);
            }
        }
    }
}
