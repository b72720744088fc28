package io.fleetlab.core.membership;

import java.util.Arrays;

/**
 * One column of the registry's agreed state: a value per registry index (null where none) and how
 * many there are. Once handed out ({@link #share}) the array is never changed again: the next
 * change copies it first, so a full state sent as a view of it stays what it was.
 */
final class AgreedColumn<T> {
    private T[] values;
    private int count;
    private boolean shared;

    AgreedColumn(T[] initial) {
        values = initial;
    }

    /** Makes room for {@code length} indices (a fresh array, so nothing handed out changes). */
    void grow(int length) {
        values = Arrays.copyOf(values, length);
        shared = false;
    }

    /** Holds {@code value} (null: none) at {@code index}; whether that changed anything. */
    boolean set(int index, T value) {
        T old = values[index];
        if (old == value) {
            return false;
        }
        if (old == null) {
            count++;
        } else if (value == null) {
            count--;
        }
        if (shared) {
            values = values.clone();
            shared = false;
        }
        values[index] = value;
        return true;
    }

    /** The values by index as they are now, in an array this column never changes again. */
    T[] share() {
        shared = true;
        return values;
    }

    /**
     * Whether {@code rows} (by index, null where a table has no row; {@code held} of them not null,
     * the first {@code used} indices in use) are exactly this column: each one agreed, and as many.
     */
    boolean heldExactlyBy(T[] rows, int held, int used) {
        if (held != count) {
            return false;
        }
        int n = Math.min(rows.length, used);
        for (int i = 0; i < n; i++) {
            T r = rows[i];
            if (r != null && r != values[i]) {
                return false;
            }
        }
        return true;
    }
}
