package io.fleetlab.core.hash;

import java.util.Arrays;

/**
 * A growable byte buffer that encodes strings as UTF-8 without allocating per call, so that a
 * hasher can be reused on a hot path.
 */
final class Utf8Buffer {
    private byte[] bytes = new byte[256];
    private int length;

    void clear() {
        length = 0;
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    void putByte(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    /**
     * Appends {@code s} if it is all ASCII (then its UTF-8 bytes are its chars) and returns true;
     * otherwise leaves the buffer as it was and returns false. One branch-free pass that copies and
     * ORs the chars together, which the JIT unrolls; most keys (URLs, label names) take this path.
     */
    boolean putAscii(String s) {
        int n = s.length();
        ensure(n);
        byte[] out = bytes;
        int at = length;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            seen |= c;
            out[at + i] = (byte) c;
        }
        if (seen >= 0x80) {
            return false;
        }
        length = at + n;
        return true;
    }

    /** Appends {@code s} as UTF-8, through {@link #putAscii} when it can. */
    void put(String s) {
        if (!putAscii(s)) {
            putUtf8(s);
        }
    }

    /** Appends {@code s} as UTF-8; unpaired surrogates become U+FFFD, as Go's conversion does. */
    void putUtf8(CharSequence s) {
        int n = s.length();
        ensure(n * 3);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | (c >> 6));
                bytes[length++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ensure(1);
                bytes[length++] = (byte) (0xF0 | (cp >> 18));
                bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                int cp = Character.isSurrogate(c) ? 0xFFFD : c;
                bytes[length++] = (byte) (0xE0 | (cp >> 12));
                bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[length++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
