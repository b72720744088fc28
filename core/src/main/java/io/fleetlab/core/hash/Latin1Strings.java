package io.fleetlab.core.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an all-ASCII {@code String}'s bytes where the JDK keeps them, so a key can be hashed with
 * no copy. A {@code String} whose chars are all below U+0100 stores one byte per char ("compact
 * strings", on by default); any other stores two. So a stored array exactly as long as the string
 * holds its chars, and if those are ASCII they are also its UTF-8 bytes. The field is the JDK's
 * own, readable only when {@code java.base/java.lang} is opened to this code ({@code Add-Opens}
 * in the application's manifest, {@code --add-opens} for tests and benchmarks); elsewhere, or if
 * a JDK stores strings differently (checked once on known strings), {@link #asciiBytes} always
 * answers {@code null} and callers copy the chars instead. The array returned is the string's
 * own: callers read it and never keep or change it.
 */
final class Latin1Strings {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    /**
     * The handle on {@code String.value}, or null where it cannot be read: a static final field,
     * the form in which the JIT treats a handle as a constant and compiles {@code get} to a
     * plain field load.
     */
    private static final VarHandle VALUE = stringValue();

    private final boolean reads;

    private Latin1Strings(boolean reads) {
        this.reads = reads;
    }

    /** Reads strings' own bytes if the JDK lets this code and stores them as expected. */
    static Latin1Strings open() {
        return new Latin1Strings(VALUE != null);
    }

    /** Never reads a string's own bytes: every caller copies. */
    static Latin1Strings copying() {
        return new Latin1Strings(false);
    }

    private static VarHandle stringValue() {
        VarHandle value;
        try {
            value = MethodHandles.privateLookupIn(String.class, MethodHandles.lookup())
                    .findVarHandle(String.class, "value", byte[].class);
        } catch (ReflectiveOperationException | SecurityException | IllegalArgumentException e) {
            return null;
        }
        return storesOneBytePerLatin1Char(value) ? value : null;
    }

    /** Whether {@link #asciiBytes} can answer anything but {@code null}. */
    boolean reads() {
        return reads;
    }

    /**
     * The bytes of {@code s} if it is all ASCII and they can be read in place (then they are its
     * UTF-8 bytes, {@code s.length()} of them), else {@code null}.
     */
    byte[] asciiBytes(String s) {
        if (!reads) {
            return null;
        }
        byte[] bytes = (byte[]) VALUE.get(s);
        // two bytes a char, unless the string is empty
        if (bytes.length != s.length()) {
            return null;
        }
        return isAscii(bytes) ? bytes : null;
    }

    /**
     * Eight bytes at a time: no byte has its top bit set. Up to 32 bytes the check reads the first
     * two words and the last two, overlapping where the array is shorter, so the same four loads
     * serve every length from 8 to 32 with no loop; longer arrays add four more and loop only past
     * 64. A loop whose exit falls at a different count for each key length is a branch the
     * processor mispredicts about once a key ({@code KeyHashingBench.stringBytewiseTail} keeps the
     * byte-at-a-time tail such a loop had, for comparison).
     */
    static boolean isAscii(byte[] bytes) {
        int n = bytes.length;
        long seen = 0;
        if (n < 8) {
            for (int i = 0; i < n; i++) {
                seen |= bytes[i];
            }
            return (seen & HIGH_BITS) == 0;
        }
        int last = n - 8;
        seen = word(bytes, 0) | word(bytes, Math.min(8, last)) | word(bytes, Math.max(n - 16, 0)) | word(bytes, last);
        if (n > 32) {
            // [16, 32) and [n - 32, n - 16); past 64 bytes the loop covers [32, n - 32)
            seen |= word(bytes, 16) | word(bytes, 24) | word(bytes, n - 32) | word(bytes, n - 24);
            for (int i = 32; i < n - 32; i += 8) {
                seen |= word(bytes, i);
            }
        }
        return (seen & HIGH_BITS) == 0;
    }

    private static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /**
     * The layout this class relies on, checked on strings built at run time: Latin-1 chars one
     * byte each and equal to the char, anything else not one byte a char.
     */
    private static boolean storesOneBytePerLatin1Char(VarHandle value) {
        try {
            String latin1 = new String(new char[] {'a', '/', '\u00e9', '\u00ff', '0'});
            String wide = new String(new char[] {'a', '\u0141'});
            byte[] stored = (byte[]) value.get(latin1);
            return Arrays.equals(stored, latin1.getBytes(StandardCharsets.ISO_8859_1))
                    && ((byte[]) value.get(wide)).length != wide.length();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
