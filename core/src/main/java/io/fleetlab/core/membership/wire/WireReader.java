package io.fleetlab.core.membership.wire;

import io.fleetlab.core.membership.RejectReason;
import java.nio.charset.StandardCharsets;

/** A bounds-checked cursor over a byte array; every read fails cleanly on short or bad input. */
final class WireReader {
    private byte[] buf;
    private int pos;
    private int end;

    void reset(byte[] buf, int offset, int end) {
        this.buf = buf;
        this.pos = offset;
        this.end = end;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    int limit() {
        return end;
    }

    void limit(int newEnd) {
        end = newEnd;
    }

    byte[] buffer() {
        return buf;
    }

    void skip(int n) throws MalformedMessageException {
        need(n, "bytes");
        pos += n;
    }

    int u8(String field) throws MalformedMessageException {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    int u16(String field) throws MalformedMessageException {
        need(2, field);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    boolean bool(String field) throws MalformedMessageException {
        int b = u8(field);
        if (b > 1) {
            throw new MalformedMessageException(RejectReason.BAD_FIELD, field + ": boolean must be 0 or 1, got " + b);
        }
        return b == 1;
    }

    /** An unsigned LEB128 value of at most 63 bits (so it is never negative). */
    long varLong(String field) throws MalformedMessageException {
        long v = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            int b = u8(field);
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    throw new MalformedMessageException(RejectReason.BAD_FIELD, field + ": overlong varint");
                }
                return v;
            }
        }
        throw new MalformedMessageException(RejectReason.BAD_FIELD, field + ": varint longer than 63 bits");
    }

    int varInt(String field) throws MalformedMessageException {
        long v = varLong(field);
        if (v > Integer.MAX_VALUE) {
            throw new MalformedMessageException(RejectReason.BAD_FIELD, field + ": " + v + " exceeds 32 bits");
        }
        return (int) v;
    }

    /** A string of 1..255 UTF-8 bytes behind a one-byte length. */
    String string(String field) throws MalformedMessageException {
        int len = u8(field + " length");
        if (len == 0) {
            throw new MalformedMessageException(RejectReason.BAD_FIELD, field + ": empty");
        }
        need(len, field);
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') >= 0) {
            throw new MalformedMessageException(RejectReason.BAD_FIELD, field + ": not valid UTF-8");
        }
        pos += len;
        return s;
    }

    private void need(int n, String field) throws MalformedMessageException {
        if (n > end - pos) {
            throw new MalformedMessageException(RejectReason.TRUNCATED,
                    field + ": needs " + n + " bytes at offset " + pos + ", " + (end - pos) + " left");
        }
    }
}
