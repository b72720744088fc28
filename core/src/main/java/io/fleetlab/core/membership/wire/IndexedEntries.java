package io.fleetlab.core.membership.wire;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The entries of a full state (member records or peer-state messages) as the sending node's table
 * listed them: an immutable list that also carries two hints about those same entries. The summed
 * length of their encodings, kept by the table as its entries change, so that the exact size of a
 * push-pull costs no pass over its strings ({@link MessageCodec#size}); and the index of each
 * entry in the sender's index space, so that a receiver sharing that space finds the row an entry
 * is about without hashing its name. The entries alone are the message: a list decoded from bytes
 * is a plain list, carries neither hint, and reads the same.
 *
 * @param <T> {@link Message.NodeRecord} or {@link io.fleetlab.core.peer.StateMessage}
 */
public final class IndexedEntries<T> extends AbstractList<T> implements RandomAccess {
    private final Object[] entries;
    private final int[] indices;
    private final Object indexSpace;
    private final long encodedBytes;
    private final long agreedVersion;

    private IndexedEntries(Object[] entries, int[] indices, Object indexSpace, long encodedBytes, long agreedVersion) {
        this.entries = entries;
        this.indices = indices;
        this.indexSpace = indexSpace;
        this.encodedBytes = encodedBytes;
        this.agreedVersion = agreedVersion;
    }

    /**
     * A list of {@code entries}, taking ownership of both arrays (the caller must not change them).
     *
     * @param indices      the index of each entry in {@code indexSpace}
     * @param indexSpace   what the indices are indices of (compared by identity)
     * @param encodedBytes the summed length of the entries' encodings ({@link PacketCodec#encodedSize}), or -1
     *                     when unknown (then it is computed, refusing what encoding refuses)
     */
    public static <T> IndexedEntries<T> of(T[] entries, int[] indices, Object indexSpace, long encodedBytes) {
        return of(entries, indices, indexSpace, encodedBytes, -1);
    }

    /**
     * As {@link #of(Object[], int[], Object, long)}, for entries that are exactly what the index
     * space calls agreed at {@code agreedVersion} (-1: not known to be), so that a receiver holding
     * the same agreed state at the same version can tell at once that they bring it nothing.
     */
    public static <T> IndexedEntries<T> of(T[] entries, int[] indices, Object indexSpace, long encodedBytes,
            long agreedVersion) {
        if (indices.length != entries.length) {
            throw new IllegalArgumentException(entries.length + " entries but " + indices.length + " indices");
        }
        for (T e : entries) {
            Objects.requireNonNull(e, "entry"); // as List.copyOf refuses
        }
        return new IndexedEntries<>(entries, indices, Objects.requireNonNull(indexSpace, "indexSpace"),
                encodedBytes < 0 ? -1 : encodedBytes, agreedVersion < 0 ? -1 : agreedVersion);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int k) {
        return (T) entries[k];
    }

    @Override
    public int size() {
        return entries.length;
    }

    /** The index of entry {@code k} in {@link #indexSpace()}. */
    public int index(int k) {
        return indices[k];
    }

    /** What {@link #index} refers to; a receiver uses the indices only when it shares this space. */
    public Object indexSpace() {
        return indexSpace;
    }

    /** The version of the index space's agreed state these entries are exactly, or -1 when not known to be. */
    public long agreedVersion() {
        return agreedVersion;
    }

    /** The summed length of the entries' encodings, or -1 when not known. */
    public long encodedBytes() {
        return encodedBytes;
    }
}
