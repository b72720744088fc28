package io.fleetlab.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gossip encryption on loopback: a plaintext stranger joins a plaintext cluster (the threat) but
 * not an encrypted one; keys rotate without a split (memberlist's add, use, remove); the key file
 * and the flags are checked.
 */
class EncryptedClusterTest {
    private static final byte[] K1 = bytes(1);
    private static final byte[] K2 = bytes(2);
    private final List<LocalNode> nodes = new ArrayList<>();
    private final SplittableRandom seeds = new SplittableRandom(77);

    private static byte[] bytes(int fill) {
        byte[] k = new byte[32];
        java.util.Arrays.fill(k, (byte) fill);
        return k;
    }

    @AfterEach
    void stopAll() {
        for (LocalNode n : nodes) {
            n.kill();
        }
    }

    private LocalNode start(String name, Keyring keys, List<String> join) throws Exception {
        GossipConfig config = LoopbackClusterTest.FAST.withKeyring(keys);
        LocalNode n = LocalNode.create(name, new InetSocketAddress("127.0.0.1", 0), config, seeds.split());
        nodes.add(n);
        n.start(join, PeerState.PARTICIPANT);
        return n;
    }

    private static boolean await(BooleanSupplier done, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return done.getAsBoolean();
    }

    private static boolean sees(LocalNode n, String name) {
        return n.peers().stream().map(Peer::name).anyMatch(name::equals);
    }

    @Test
    @Timeout(30)
    void aPlaintextStrangerJoinsAPlaintextClusterButNotAnEncryptedOne() throws Exception {
        LocalNode open = start("open", Keyring.none(), List.of());
        start("stranger-1", Keyring.none(), List.of(open.address()));
        assertTrue(await(() -> sees(open, "stranger-1"), Duration.ofSeconds(5)), "control: plaintext lets anyone in");

        LocalNode a = start("a", Keyring.of(K1), List.of());
        LocalNode b = start("b", Keyring.of(K1), List.of(a.address()));
        assertTrue(await(() -> sees(a, "b") && sees(b, "a"), Duration.ofSeconds(5)), "keyed nodes converge");
        start("stranger-2", Keyring.none(), List.of(a.address()));
        start("stranger-3", Keyring.of(K2), List.of(a.address()));
        assertFalse(await(() -> sees(a, "stranger-2") || sees(a, "stranger-3"), Duration.ofSeconds(3)),
                "a node without the key joined: " + a.peers());
    }

    @Test
    @Timeout(40)
    void keysRotateWithoutSplittingTheCluster(@TempDir Path dir) throws Exception {
        LocalNode a = start("a", Keyring.of(K1), List.of());
        LocalNode b = start("b", Keyring.of(K1), List.of(a.address()));
        assertTrue(await(() -> sees(a, "b") && sees(b, "a"), Duration.ofSeconds(5)));
        // a rotates through its key file and the watcher, b through the API
        Path file = dir.resolve("keys.json");
        KeyringWatcher watcher = new KeyringWatcher(file, Keyring.of(K1), Duration.ofHours(1), a::setKeyring);
        try {
            List<List<byte[]>> steps = List.of(List.of(K1, K2), List.of(K2, K1), List.of(K2));
            for (List<byte[]> step : steps) {
                Files.writeString(file, "[" + String.join(",", step.stream()
                        .map(k -> "\"" + Base64.getEncoder().encodeToString(k) + "\"").toList()) + "]");
                assertTrue(watcher.check(), "the watcher applied the new file");
                b.setKeyring(Keyring.of(step.get(0), step.subList(1, step.size()).toArray(new byte[0][])));
                Thread.sleep(1500); // several probe rounds and a push-pull under the new keys
                assertTrue(sees(a, "b") && sees(b, "a"), "split during rotation: " + a.peers() + " / " + b.peers());
            }
            assertFalse(watcher.check(), "an unchanged file is not applied again");
            Files.writeString(file, "[\"not base64!\"]");
            assertFalse(watcher.check(), "a broken file keeps the keys in use");
        } finally {
            watcher.close();
        }
        // after the rotation the old key no longer gets in, the new one does
        start("old-key", Keyring.of(K1), List.of(a.address()));
        start("new-key", Keyring.of(K2), List.of(a.address()));
        assertTrue(await(() -> sees(a, "new-key"), Duration.ofSeconds(5)), "the new key did not get in");
        assertFalse(sees(a, "old-key"), "the removed key still gets in");
        assertThrows(IllegalStateException.class, () -> a.setKeyring(Keyring.none()),
                "encryption cannot be switched off at run time");
    }

    @Test
    void theKeyFileAndTheFlagsAreChecked(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), "[\"" + Base64.getEncoder().encodeToString(K1)
                + "\", \"" + Base64.getEncoder().encodeToString(new byte[16]) + "\"]");
        Keyring k = KeyringFile.read(good);
        assertEquals(2, k.size());
        assertTrue(java.util.Arrays.equals(K1, k.key(0)), "the first key is primary");
        for (String bad : List.of("", "[]", "{}", "[\"abc\"]", "[\"" + Base64.getEncoder().encodeToString(new byte[20])
                + "\"]", "[1]", "[\"" + Base64.getEncoder().encodeToString(K1) + "\", \""
                + Base64.getEncoder().encodeToString(K1) + "\"]")) {
            Path f = Files.writeString(dir.resolve("bad.json"), bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyringFile.read(f), bad);
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        }
        Path huge = Files.write(dir.resolve("huge.json"), new byte[(int) KeyringFile.MAX_BYTES + 1]);
        assertThrows(IllegalArgumentException.class, () -> KeyringFile.read(huge));

        NodeOptions o = NodeOptions.parse(new String[] {"--name", "a", "--keyring-file", good.toString(),
                "--require-encryption"});
        assertEquals(good.toString(), o.keyringFile());
        assertTrue(o.requireEncryption());
        assertEquals("--require-encryption: needs --keyring-file", assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--name", "a", "--require-encryption"})).getMessage());
        assertTrue(NodeOptions.USAGE.contains("trusted networks only"));
    }
}
