package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.PacketInjector;
import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.NodeStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Liveness news more than {@link MemberTable#MAX_INCARNATION_STEP} ahead of the incarnation held
 * for a member is dropped by every node, the member itself included, so a forged accusation at
 * 2^63-1 cannot pin a member at an incarnation its later refutations cannot beat. memberlist has
 * no such bound (grafana/memberlist {@code state.go}: {@code suspectNode}, {@code deadNode} and
 * {@code aliveNode} compare uint32 incarnations without one; {@code refute} wraps).
 */
class IncarnationBoundTest {
    private static SimCluster converged(long seed) {
        SimCluster c = new SimCluster(seed, GossipConfig.lan()).start(3);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)), "seed " + seed + " did not converge");
        return c;
    }

    /** An accusation at the incarnation node0 holds, as a failed probe would give: node1 must win it. */
    private static void accuseAsAProbeWould(SimCluster c, PacketInjector inj, Membership victim) {
        inj.send(c.node(0), new Message.Suspect(victim.incarnation(), victim.name(), "node2"));
        // longer than the LAN suspicion timeout at N = 3 (4 s, at most 24 s)
        c.runFor(Duration.ofSeconds(40));
    }

    @Test
    void aForgedAccusationAtTheLargestIncarnationIsDroppedAndLaterRefutationsStillWin() {
        long seed = 61;
        for (Message forged : List.<Message>of(new Message.Suspect(Long.MAX_VALUE, "node1", "node2"),
                new Message.Dead(Long.MAX_VALUE, "node1", "node2"),
                new Message.Alive(Long.MAX_VALUE, "node1", "10.0.0.1:7946"),
                new Message.Suspect(MemberTable.MAX_INCARNATION_STEP + 1, "node1", "node2"))) {
            SimCluster c = converged(seed++);
            Membership victim = c.node(1);
            long before = victim.incarnation();
            PacketInjector inj = new PacketInjector(c);
            for (Membership to : c.nodes) {
                inj.send(to, forged);
            }
            c.runFor(Duration.ofSeconds(5));
            assertEquals(before, victim.incarnation(), forged + " moved the victim's incarnation");
            assertTrue(c.allSee("node1", NodeStatus.ALIVE), forged + " was taken by some node");
            accuseAsAProbeWould(c, inj, victim);
            assertTrue(c.allSee("node1", NodeStatus.ALIVE), forged + ": node1 could not win a later refutation");
            assertEquals(before + 1, victim.incarnation(), forged + ": one refutation, one step");
        }
    }

    @Test
    void anAccusationWithinTheBoundIsRefutedAsBefore() {
        SimCluster c = converged(71);
        Membership victim = c.node(1);
        long before = victim.incarnation();
        PacketInjector inj = new PacketInjector(c);
        inj.send(c.node(0), new Message.Suspect(before + MemberTable.MAX_INCARNATION_STEP, "node1", "node2"));
        c.runFor(Duration.ofSeconds(40));
        assertTrue(c.allSee("node1", NodeStatus.ALIVE), "the refutation of an accusation within the bound was lost");
        assertTrue(victim.incarnation() > before + MemberTable.MAX_INCARNATION_STEP, "no refutation: " + victim.incarnation());
        accuseAsAProbeWould(c, inj, victim);
        assertTrue(c.allSee("node1", NodeStatus.ALIVE));
    }
}
