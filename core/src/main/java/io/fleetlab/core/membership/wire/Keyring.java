package io.fleetlab.core.membership.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * AES keys for authenticated encryption of gossip traffic, as memberlist's keyring: the primary
 * (first) key encrypts, every key is tried to decrypt, so keys can be rotated without downtime.
 * An empty keyring means plaintext. Immutable.
 */
public final class Keyring {
    private static final Keyring NONE = new Keyring(List.of());

    private final List<byte[]> keys;

    private Keyring(List<byte[]> keys) {
        this.keys = keys;
    }

    /** No encryption. */
    public static Keyring none() {
        return NONE;
    }

    /**
     * A keyring whose first key is the primary.
     *
     * @throws IllegalArgumentException when a key is not 16, 24 or 32 bytes long
     */
    public static Keyring of(byte[] primary, byte[]... others) {
        List<byte[]> all = new ArrayList<>();
        all.add(check(primary));
        for (byte[] k : others) {
            all.add(check(k));
        }
        return new Keyring(List.copyOf(all));
    }

    private static byte[] check(byte[] key) {
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, got "
                    + (key == null ? "null" : key.length));
        }
        return key.clone();
    }

    /** Whether traffic is encrypted. */
    public boolean enabled() {
        return !keys.isEmpty();
    }

    /** Number of keys. */
    public int size() {
        return keys.size();
    }

    /** Key {@code i} (0 = primary); a copy. */
    public byte[] key(int i) {
        return keys.get(i).clone();
    }

    byte[] keyUnsafe(int i) {
        return keys.get(i);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Keyring other) || other.keys.size() != keys.size()) {
            return false;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (!Arrays.equals(keys.get(i), other.keys.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (byte[] k : keys) {
            h = 31 * h + Arrays.hashCode(k);
        }
        return h;
    }

    @Override
    public String toString() {
        return "Keyring[" + keys.size() + " keys]";
    }
}
