package io.praas.manager.web;

import io.netty.buffer.ByteBuf;
import io.praas.manager.problem.PayloadTooLargeException;
import java.util.Arrays;
import org.springframework.util.unit.DataSize;

/**
 * Collects a request body arriving in pieces into one array, sized by the declared length when there is one
 * (so a body is copied once). A body past its limit is read to its end and dropped, and {@link #bytes()}
 * refuses it: answering before the sender has finished would close the connection under it, and a proxy
 * in front (the gateway) would then report a failed manager instead of the 413.
 */
public final class BodyBuffer {

    private static final int UNKNOWN_LENGTH_START = 4096;

    private final DataSize limit;
    private final String what;
    private byte[] bytes;
    private int size;
    private boolean tooLarge;

    /** {@code declaredLength} is the request's Content-Length, or -1. */
    public BodyBuffer(long declaredLength, DataSize limit, String what) {
        this.limit = limit;
        this.what = what;
        this.tooLarge = declaredLength > limit.toBytes();
        this.bytes = tooLarge ? null : new byte[declaredLength >= 0 ? (int) declaredLength : UNKNOWN_LENGTH_START];
    }

    public BodyBuffer append(ByteBuf piece) {
        int length = piece.readableBytes();
        if (tooLarge) {
            return this;
        }
        if (size + (long) length > limit.toBytes()) {
            tooLarge = true;
            bytes = null;
            return this;
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit.toBytes(), Math.max(2L * bytes.length, size + length)));
        }
        piece.readBytes(bytes, size, length);
        size += length;
        return this;
    }

    /** The whole body, exactly as long as it is; a 413 problem when it passed the limit. */
    public byte[] bytes() {
        if (tooLarge) {
            throw new PayloadTooLargeException(what, limit);
        }
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
