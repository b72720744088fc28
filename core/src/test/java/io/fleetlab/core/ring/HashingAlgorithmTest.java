package io.fleetlab.core.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashingAlgorithmTest {
    @Test
    void everyAlgorithmBuildsASharderThatNamesItBack() {
        for (HashingAlgorithm a : HashingAlgorithm.values()) {
            Sharder s = a.create(16);
            assertEquals(a, s.algorithm());
            assertEquals(a, HashingAlgorithm.of(a.id()));
        }
    }

    @Test
    void namesAreTheOnesFilesAndReportsUse() {
        assertEquals(List.of("alloy-ring", "rendezvous", "multiprobe", "maglev", "jump", "bounded-load"),
                HashingAlgorithm.ids());
        assertEquals(HashingAlgorithm.ALLOY_RING, HashingAlgorithm.DEFAULT);
        assertEquals(List.of(HashingAlgorithm.ALLOY_RING, HashingAlgorithm.BOUNDED_LOAD),
                java.util.Arrays.stream(HashingAlgorithm.values()).filter(HashingAlgorithm::usesTokens).toList());
    }

    @Test
    void tokensPerNodeReachTheTokenRings() {
        AlloyRing ring = (AlloyRing) HashingAlgorithm.ALLOY_RING.create(7);
        ring.setPeers(List.of(io.fleetlab.core.peer.Peer.participant("a"), io.fleetlab.core.peer.Peer.participant("b")));
        assertEquals(14, ring.snapshot(Op.READ_WRITE).size());
    }

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HashingAlgorithm.of("consistent"));
        assertEquals("unknown hashing algorithm 'consistent'; expected one of [alloy-ring, rendezvous, multiprobe, "
                + "maglev, jump, bounded-load]", e.getMessage());
    }
}
