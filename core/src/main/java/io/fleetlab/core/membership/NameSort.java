package io.fleetlab.core.membership;

/**
 * Sorts a run of names in {@link String} order, as {@link java.util.Arrays#sort(Object[], int, int)}
 * does, with a sort of its own over {@code String[]} only. The library sort of a {@code String[]}
 * copies between it and an {@code Object[]} scratch array, and the compiler's guesses about the
 * arrays' types at those stores keep failing (deoptimization, then compiling the sort again and
 * again during a run); here every array is a {@code String[]}. The names of a run are distinct,
 * so the order is the only one and stability does not matter.
 */
final class NameSort {
    /** Runs up to this long are sorted by insertion. */
    private static final int INSERTION = 16;

    private NameSort() {
    }

    /** Sorts {@code a[from..to)} in place. */
    static void sort(String[] a, int from, int to) {
        int n = to - from;
        if (n <= INSERTION) {
            insertion(a, from, to);
            return;
        }
        String[] scratch = new String[n];
        mergeSort(a, from, to, scratch);
    }

    private static void insertion(String[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            String x = a[i];
            int j = i - 1;
            while (j >= from && a[j].compareTo(x) > 0) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = x;
        }
    }

    /** Sorts {@code a[from..to)}; {@code scratch} holds at least {@code to - from} names. */
    private static void mergeSort(String[] a, int from, int to, String[] scratch) {
        if (to - from <= INSERTION) {
            insertion(a, from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, from, mid, scratch);
        mergeSort(a, mid, to, scratch);
        if (a[mid - 1].compareTo(a[mid]) <= 0) {
            return; // already in order
        }
        int left = mid - from;
        System.arraycopy(a, from, scratch, 0, left);
        int i = 0;
        int j = mid;
        int k = from;
        while (i < left && j < to) {
            a[k++] = scratch[i].compareTo(a[j]) <= 0 ? scratch[i++] : a[j++];
        }
        while (i < left) {
            a[k++] = scratch[i++];
        }
    }
}
