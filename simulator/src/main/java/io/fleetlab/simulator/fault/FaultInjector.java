package io.fleetlab.simulator.fault;

import io.fleetlab.simulator.engine.EventLoop;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.node.SimNode;
import java.util.List;

/**
 * Faults that leave a node's life intact: stalls, slowness, clock skew, and the network's loss
 * and partitions. Crashes and restarts are lives ending and starting, handled by the fleet.
 */
public final class FaultInjector {
    private final EventLoop loop;
    private final SimNetwork network;

    public FaultInjector(EventLoop loop, SimNetwork network) {
        this.loop = loop;
        this.network = network;
    }

    /** The node stalls for {@code durationNanos}: it runs nothing and scrapes nothing, then catches up. */
    public void pause(SimNode node, long durationNanos, Runnable onResume) {
        node.pause(loop.now());
        loop.after(durationNanos, () -> {
            if (node.up() && node.paused()) {
                node.resume(loop.now());
                onResume.run();
            }
        });
    }

    /** Every task of the node runs {@code delayNanos} late for {@code durationNanos}. */
    public void slow(SimNode node, long delayNanos, long durationNanos) {
        node.scheduler().setSlowNanos(delayNanos);
        loop.after(durationNanos, () -> node.scheduler().setSlowNanos(0));
    }

    /** The node's clock reads {@code offsetNanos} off from the virtual time. */
    public void skew(SimNode node, long offsetNanos) {
        node.scheduler().setSkewNanos(offsetNanos);
    }

    public void partition(List<List<String>> addressSides, boolean oneWay) {
        network.partition(addressSides, oneWay);
    }

    public void heal() {
        network.heal();
    }

    public void setLoss(double loss) {
        network.setLoss(loss);
    }
}
