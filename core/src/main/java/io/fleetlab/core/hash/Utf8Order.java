package io.fleetlab.core.hash;

import java.util.Comparator;

/**
 * Bytewise order of the UTF-8 encodings, which is Go's string order. It equals code-point order,
 * which differs from {@link String#compareTo} (UTF-16 units) only around surrogate pairs.
 */
public final class Utf8Order {
    /** Compares two strings as Go compares them. */
    public static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private Utf8Order() {}

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
