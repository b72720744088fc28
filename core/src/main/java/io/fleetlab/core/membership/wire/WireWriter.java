package io.fleetlab.core.membership.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer, reused between messages to keep encoding cheap. */
final class WireWriter {
    private static final int INITIAL = 256;
    /**
     * A buffer grown past this by one large message (a push-pull of a big table) is let go at the
     * next reset: kept per node, it would hold the largest message each node ever sent.
     */
    static final int RETAINED_BYTES = 16 << 10;
    private byte[] buf = new byte[INITIAL];
    private int len;

    void reset() {
        len = 0;
        if (buf.length > RETAINED_BYTES) {
            buf = new byte[INITIAL];
        }
    }

    int length() {
        return len;
    }

    /** The internal buffer; valid up to {@link #length()} until the next write. */
    byte[] buffer() {
        return buf;
    }

    byte[] toByteArray() {
        byte[] out = Arrays.copyOf(buf, len);
        if (buf.length > RETAINED_BYTES) {
            buf = new byte[INITIAL];
        }
        return out;
    }

    void u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    void bool(boolean v) {
        u8(v ? 1 : 0);
    }

    void varLong(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative value " + v + " cannot be encoded");
        }
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0 || b.length > MessageCodec.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string must be 1.." + MessageCodec.MAX_STRING_BYTES
                    + " UTF-8 bytes: '" + s + "'");
        }
        u8(b.length);
        bytes(b, 0, b.length);
    }

    void bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
