package io.fleetlab.simulator.node;

import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.simulator.engine.SimScheduler;
import io.fleetlab.simulator.metrics.OwnershipLedger;
import java.util.Collection;

/**
 * One life of a simulated node: its scheduler, its membership (absent in oracle mode) and what
 * its rebalancer currently owns. A restart under the same name is a new {@code SimNode} with the
 * same id. The node scrapes (counts in the {@link OwnershipLedger}) once it has had a view, while
 * it is neither paused, crashed nor gone.
 */
public final class SimNode {
    /** Where a node is in its life. */
    public enum Status { RUNNING, LEAVING, LEFT, CRASHED }

    private final String name;
    private final int id;
    private final String address;
    private final SimScheduler scheduler;
    private final OwnershipCache cache;
    private final OwnershipLedger ledger;
    private final long startedNanos;
    private Membership membership;
    private ViewOwnership view;
    private int viewSize;
    private boolean scraping;
    private boolean paused;
    private Status status = Status.RUNNING;

    public SimNode(String name, int id, String address, SimScheduler scheduler, OwnershipCache cache,
            OwnershipLedger ledger, long startedNanos) {
        this.name = name;
        this.id = id;
        this.address = address;
        this.scheduler = scheduler;
        this.cache = cache;
        this.ledger = ledger;
        this.startedNanos = startedNanos;
    }

    public String name() {
        return name;
    }

    public int id() {
        return id;
    }

    public String address() {
        return address;
    }

    public SimScheduler scheduler() {
        return scheduler;
    }

    public Membership membership() {
        return membership;
    }

    public void setMembership(Membership membership) {
        this.membership = membership;
    }

    public Status status() {
        return status;
    }

    public long startedNanos() {
        return startedNanos;
    }

    /** Up: not crashed and not gone (it may be paused or leaving). */
    public boolean up() {
        return status == Status.RUNNING || status == Status.LEAVING;
    }

    public boolean paused() {
        return paused;
    }

    public int viewSize() {
        return viewSize;
    }

    /** Targets this node's rebalancer owns under its current view. */
    public int ownedCount() {
        return view == null ? 0 : view.ownedCount(id, cache.targetCount());
    }

    public boolean scraping() {
        return scraping;
    }

    /** The rebalancer hears a new peer view: ownership follows, and the ledger with it. */
    public void applyView(Collection<Peer> peers, long nowNanos) {
        viewSize = peers.size();
        ViewOwnership next = cache.acquire(peers);
        ViewOwnership prev = view;
        view = next;
        if (prev == next) {
            cache.release(prev);
            return;
        }
        boolean wasScraping = scraping;
        if (prev == null) {
            updateScraping(nowNanos);
            cache.release(prev);
            return;
        }
        if (wasScraping) {
            ledger.advance(nowNanos);
            int[] changed = cache.changedTargets(prev, next);
            if (changed != null) {
                for (int t : changed) {
                    flip(prev, next, t);
                }
            } else {
                for (int t = 0, n = cache.targetCount(); t < n; t++) {
                    flip(prev, next, t);
                }
            }
        }
        cache.release(prev);
    }

    private void flip(ViewOwnership prev, ViewOwnership next, int t) {
        boolean was = prev.owns(id, t);
        boolean now = next.owns(id, t);
        if (was != now) {
            if (now) {
                ledger.gain(t);
            } else {
                ledger.lose(t);
            }
        }
    }

    public void pause(long nowNanos) {
        paused = true;
        scheduler.pause();
        updateScraping(nowNanos);
    }

    public void resume(long nowNanos) {
        paused = false;
        scheduler.resume();
        updateScraping(nowNanos);
    }

    public void markLeaving() {
        status = Status.LEAVING;
    }

    /** The node is gone (crashed or left): it stops scraping and nothing of it runs again. */
    public void stop(Status how, long nowNanos) {
        status = how;
        scheduler.stop();
        updateScraping(nowNanos);
        cache.release(view);
        view = null;
    }

    private void updateScraping(long nowNanos) {
        boolean should = view != null && up() && !paused;
        if (should == scraping) {
            return;
        }
        ledger.advance(nowNanos);
        scraping = should;
        for (int t = 0, n = cache.targetCount(); t < n; t++) {
            if (view.owns(id, t)) {
                if (should) {
                    ledger.gain(t);
                } else {
                    ledger.lose(t);
                }
            }
        }
    }
}
