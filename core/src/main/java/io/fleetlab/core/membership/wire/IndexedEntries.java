package io.fleetlab.core.membership.wire;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * The entries of a full state (member records or peer-state messages) as the sending node's table
 * listed them: an immutable list that also carries hints about those same entries. The summed
 * length of their encodings, kept by the table as its entries change, so that the exact size of a
 * push-pull costs no pass over its strings ({@link MessageCodec#size}); the index of each entry in
 * the sender's index space, so that a receiver sharing that space finds the row an entry is about
 * without hashing its name; and, when the entries are exactly what that space calls agreed at
 * some version, that version, so that a receiver holding the same can tell at once that they
 * bring it nothing. The entries alone are the message: a list decoded from bytes is a plain list,
 * carries no hint, and reads the same.
 *
 * <p>A list may be a view: the sender's values by index and its order, both in arrays their
 * owners never change again (they copy them before their next change), so building it costs no
 * pass over the entries.
 *
 * @param <T> {@link Message.NodeRecord} or {@link io.fleetlab.core.peer.StateMessage}
 */
public final class IndexedEntries<T> extends AbstractList<T> implements RandomAccess {
    /** The entries in order, or null for a view. */
    private final Object[] entries;
    /** A view's values by index, or null. */
    private final Object[] byIndex;
    /** The index of each entry; for a view, written out on first use from {@link #order}. */
    private volatile int[] indices;
    private final Supplier<int[]> order;
    private final int size;
    private final Object indexSpace;
    private final long encodedBytes;
    private final long agreedVersion;

    private IndexedEntries(Object[] entries, Object[] byIndex, int[] indices, Supplier<int[]> order, int size,
            Object indexSpace, long encodedBytes, long agreedVersion) {
        this.entries = entries;
        this.byIndex = byIndex;
        this.indices = indices;
        this.order = order;
        this.size = size;
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
        if (indices.length != entries.length) {
            throw new IllegalArgumentException(entries.length + " entries but " + indices.length + " indices");
        }
        for (T e : entries) {
            Objects.requireNonNull(e, "entry"); // as List.copyOf refuses
        }
        return new IndexedEntries<>(entries, null, indices, null, entries.length,
                Objects.requireNonNull(indexSpace, "indexSpace"), encodedBytes < 0 ? -1 : encodedBytes, -1);
    }

    /**
     * The agreed entries of {@code indexSpace} at {@code agreedVersion}, in a sender's order: entry
     * {@code k} is {@code byIndex[order.get()[k]]}, for {@code k} below {@code size}. The caller hands
     * over arrays nobody changes again (the order's too), each slot the order names not null.
     *
     * @param order        the indices in order (at least {@code size} of them); asked at most once, when first needed
     * @param encodedBytes as for {@link #of(Object[], int[], Object, long)}
     */
    public static <T> IndexedEntries<T> agreed(T[] byIndex, Supplier<int[]> order, int size, Object indexSpace,
            long encodedBytes, long agreedVersion) {
        if (agreedVersion < 0) {
            throw new IllegalArgumentException("agreed version " + agreedVersion);
        }
        return view(byIndex, order, size, indexSpace, encodedBytes, agreedVersion);
    }

    /**
     * Entries not known to be agreed, as a view: entry {@code k} is {@code byIndex[order.get()[k]]},
     * for {@code k} below {@code size}, with the same promises as {@link #agreed}: arrays nobody
     * changes again, each slot the order names not null.
     */
    public static <T> IndexedEntries<T> view(T[] byIndex, Supplier<int[]> order, int size, Object indexSpace,
            long encodedBytes) {
        return view(byIndex, order, size, indexSpace, encodedBytes, -1);
    }

    private static <T> IndexedEntries<T> view(T[] byIndex, Supplier<int[]> order, int size, Object indexSpace,
            long encodedBytes, long agreedVersion) {
        if (size < 0) {
            throw new IllegalArgumentException("size " + size);
        }
        return new IndexedEntries<>(null, Objects.requireNonNull(byIndex, "byIndex"), null,
                Objects.requireNonNull(order, "order"), size, Objects.requireNonNull(indexSpace, "indexSpace"),
                encodedBytes < 0 ? -1 : encodedBytes, agreedVersion);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int k) {
        if (entries != null) {
            return (T) entries[k];
        }
        int[] at = indices();
        return (T) byIndex[at[Objects.checkIndex(k, size)]];
    }

    @Override
    public int size() {
        return size;
    }

    /** What {@link #forEachIndexed} gives each entry to. */
    @FunctionalInterface
    public interface IndexedVisitor<T> {
        /** Takes {@code entry}, at {@code index} in the index space. */
        void visit(T entry, int index);
    }

    /**
     * Gives every entry with its index to {@code visitor}, in order: what a receiver merging a
     * full state does, in one pass over the arrays instead of two checked reads per entry.
     */
    @SuppressWarnings("unchecked")
    public void forEachIndexed(IndexedVisitor<? super T> visitor) {
        int[] at = indices();
        if (entries != null) {
            for (int k = 0; k < size; k++) {
                visitor.visit((T) entries[k], at[k]);
            }
        } else {
            for (int k = 0; k < size; k++) {
                visitor.visit((T) byIndex[at[k]], at[k]);
            }
        }
    }

    /** The index of entry {@code k} in {@link #indexSpace()}. */
    public int index(int k) {
        return indices()[Objects.checkIndex(k, size)];
    }

    private int[] indices() {
        int[] at = indices;
        if (at == null) {
            at = order.get();
            indices = at;
        }
        return at;
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
