package io.fleetlab.core.cluster;

import io.fleetlab.core.membership.GossipConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ClusterMember} runs, beyond its components.
 *
 * @param gossip             the membership's settings; its {@code maxJoinPeers} (Alloy's
 *                           {@code --cluster.max-join-peers}, 5) seeds are picked at random from
 *                           discovery at every join and rejoin, its {@code rejoinInterval}
 *                           ({@code --cluster.rejoin-interval}, 60 s) paces the rejoins, and its
 *                           {@code notifyInterval} is Alloy's minimum interval between
 *                           notifications of the components (1 s)
 * @param waitForSize        Alloy's {@code --cluster.wait-for-size}: components own nothing while
 *                           the cluster has fewer peers (0 = never wait)
 * @param waitForSizeTimeout Alloy's {@code --cluster.wait-for-size-timeout}: after this long
 *                           without reaching the size the cluster counts as ready anyway
 *                           ({@link Duration#ZERO} = wait forever)
 */
public record MemberSettings(GossipConfig gossip, int waitForSize, Duration waitForSizeTimeout) {
    public MemberSettings {
        Objects.requireNonNull(gossip, "gossip");
        Objects.requireNonNull(waitForSizeTimeout, "waitForSizeTimeout");
        if (waitForSize < 0) {
            throw new IllegalArgumentException("waitForSize must not be negative: " + waitForSize);
        }
        if (waitForSizeTimeout.isNegative()) {
            throw new IllegalArgumentException("waitForSizeTimeout must not be negative: " + waitForSizeTimeout);
        }
    }

    /** {@code gossip} with no wait for size. */
    public static MemberSettings of(GossipConfig gossip) {
        return new MemberSettings(gossip, 0, Duration.ZERO);
    }

    /** These settings with Alloy's wait for a minimum cluster size. */
    public MemberSettings withWaitForSize(int size, Duration timeout) {
        return new MemberSettings(gossip, size, timeout);
    }
}
