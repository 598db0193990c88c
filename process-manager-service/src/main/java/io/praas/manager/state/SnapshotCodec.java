package io.praas.manager.state;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The snapshot format, version 1. All integers big-endian.
 *
 * <pre>
 * header:  magic "PRSS" | u8 version (1) | u8 compression (0 none, 1 LZ4)
 *          | u32 CRC32C of the uncompressed body | u32 body length | u32 stored length | stored body
 * body:    u32 entry count, then per entry:
 *          u16 key length | key (UTF-8) | u8 kind (0 raw, 1 JSON)
 *          | for JSON: u16 class-name length | class name (UTF-8)
 *          | u32 value length | value bytes
 * </pre>
 *
 * A snapshot of an unknown version, with a bad checksum or a broken structure is refused, never
 * loaded in part.
 */
public final class SnapshotCodec {

    public static final int VERSION = 1;

    private static final int MAGIC = 0x50525353;
    private static final int HEADER_BYTES = 4 + 1 + 1 + 4 + 4 + 4;
    private static final int NO_COMPRESSION = 0;
    private static final int LZ4 = 1;
    /** Below this, compression costs more than it saves. */
    private static final int COMPRESSION_THRESHOLD = 256;
    /** Bodies above SAMPLES × SAMPLE_BYTES are compressed only if these samples shrink by WORTHWHILE_RATIO. */
    private static final int SAMPLES = 4;
    private static final int SAMPLE_BYTES = 16 * 1024;
    private static final double WORTHWHILE_RATIO = 0.9;

    private final LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();
    private final LZ4SafeDecompressor decompressor = LZ4Factory.fastestInstance().safeDecompressor();

    public byte[] encode(Map<String, EncodedValue> entries) {
        int bodyLength = bodyLength(entries);
        // The body is written behind room for the header, so an uncompressed snapshot needs no second copy.
        byte[] plain = new byte[HEADER_BYTES + bodyLength];
        writeBody(ByteBuffer.wrap(plain, HEADER_BYTES, bodyLength), entries);
        CRC32C crc = new CRC32C();
        crc.update(plain, HEADER_BYTES, bodyLength);
        int checksum = (int) crc.getValue();
        if (bodyLength >= COMPRESSION_THRESHOLD && compressible(plain, HEADER_BYTES, bodyLength)) {
            int maxLength = compressor.maxCompressedLength(bodyLength);
            byte[] compressed = new byte[HEADER_BYTES + maxLength];
            int storedLength = compressor.compress(plain, HEADER_BYTES, bodyLength, compressed, HEADER_BYTES, maxLength);
            if (storedLength < bodyLength) {
                writeHeader(compressed, LZ4, checksum, bodyLength, storedLength);
                return Arrays.copyOf(compressed, HEADER_BYTES + storedLength);
            }
        }
        writeHeader(plain, NO_COMPRESSION, checksum, bodyLength, bodyLength);
        return plain;
    }

    /**
     * Compresses a few samples spread over the body and compresses the whole only if they shrink:
     * state that is already compressed or random (images, encrypted data) would otherwise cost a
     * full LZ4 pass for nothing on every swap-out.
     */
    private boolean compressible(byte[] data, int offset, int length) {
        if (length <= SAMPLE_BYTES * SAMPLES) {
            return true;
        }
        byte[] scratch = new byte[compressor.maxCompressedLength(SAMPLE_BYTES)];
        long compressed = 0;
        long stride = (long) (length - SAMPLE_BYTES) / (SAMPLES - 1);
        for (int i = 0; i < SAMPLES; i++) {
            int start = offset + (int) (i * stride);
            compressed += compressor.compress(data, start, SAMPLE_BYTES, scratch, 0, scratch.length);
        }
        return compressed < SAMPLES * SAMPLE_BYTES * WORTHWHILE_RATIO;
    }

    private static void writeHeader(byte[] snapshot, int compression, int checksum, int bodyLength, int storedLength) {
        ByteBuffer.wrap(snapshot, 0, HEADER_BYTES)
                .putInt(MAGIC).put((byte) VERSION).put((byte) compression)
                .putInt(checksum).putInt(bodyLength).putInt(storedLength);
    }

    public Map<String, EncodedValue> decode(byte[] snapshot) {
        try {
            ByteBuffer in = ByteBuffer.wrap(snapshot);
            if (snapshot.length < HEADER_BYTES || in.getInt() != MAGIC) {
                throw new SnapshotCorruptException("not a PraaS snapshot (bad magic or too short)");
            }
            int version = Byte.toUnsignedInt(in.get());
            if (version != VERSION) {
                throw new UnsupportedSnapshotFormatException(version, VERSION);
            }
            int compression = Byte.toUnsignedInt(in.get());
            int expectedCrc = in.getInt();
            int bodyLength = in.getInt();
            int storedLength = in.getInt();
            if (bodyLength < 0 || storedLength < 0 || storedLength != in.remaining()) {
                throw new SnapshotCorruptException("length fields do not match the data");
            }
            if (compression == NO_COMPRESSION) {
                // Parsed in place: the values are copied out once, the body itself never.
                if (storedLength != bodyLength) {
                    throw new SnapshotCorruptException("uncompressed body has the wrong length");
                }
                requireChecksum(snapshot, HEADER_BYTES, bodyLength, expectedCrc);
                return entries(ByteBuffer.wrap(snapshot, HEADER_BYTES, bodyLength).slice());
            }
            if (compression != LZ4) {
                throw new SnapshotCorruptException("unknown compression " + compression);
            }
            byte[] body = decompress(snapshot, HEADER_BYTES, storedLength, bodyLength);
            requireChecksum(body, 0, bodyLength, expectedCrc);
            return entries(ByteBuffer.wrap(body));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SnapshotCorruptException("truncated or malformed data", e);
        }
    }

    private static void requireChecksum(byte[] data, int offset, int length, int expected) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        if ((int) crc.getValue() != expected) {
            throw new SnapshotCorruptException("checksum mismatch");
        }
    }

    private byte[] decompress(byte[] snapshot, int offset, int storedLength, int bodyLength) {
        byte[] body = new byte[bodyLength];
        try {
            int written = decompressor.decompress(snapshot, offset, storedLength, body, 0, bodyLength);
            if (written != bodyLength) {
                throw new SnapshotCorruptException("decompressed body has the wrong length");
            }
            return body;
        } catch (LZ4Exception e) {
            throw new SnapshotCorruptException("compressed body does not decompress", e);
        }
    }

    private static int bodyLength(Map<String, EncodedValue> entries) {
        long size = 4;
        for (Map.Entry<String, EncodedValue> entry : entries.entrySet()) {
            EncodedValue value = entry.getValue();
            size += 2 + utf8(entry.getKey()).length + 1 + 4 + value.bytes().length;
            if (value.kind() == EncodedValue.Kind.JSON) {
                size += 2 + utf8(value.className()).length;
            }
        }
        if (size > Integer.MAX_VALUE - HEADER_BYTES - 64) {
            throw new IllegalArgumentException("state of " + size + " bytes does not fit in one snapshot");
        }
        return (int) size;
    }

    private static void writeBody(ByteBuffer out, Map<String, EncodedValue> entries) {
        out.putInt(entries.size());
        entries.forEach((key, value) -> {
            byte[] keyBytes = utf8(key);
            out.putShort((short) keyBytes.length).put(keyBytes).put((byte) value.kind().code());
            if (value.kind() == EncodedValue.Kind.JSON) {
                byte[] className = utf8(value.className());
                out.putShort((short) className.length).put(className);
            }
            out.putInt(value.bytes().length).put(value.bytes());
        });
    }

    private static Map<String, EncodedValue> entries(ByteBuffer in) {
        int count = in.getInt();
        if (count < 0) {
            throw new SnapshotCorruptException("negative entry count");
        }
        Map<String, EncodedValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = string(in, Short.toUnsignedInt(in.getShort()));
            EncodedValue.Kind kind = EncodedValue.Kind.of(Byte.toUnsignedInt(in.get()));
            String className = kind == EncodedValue.Kind.JSON ? string(in, Short.toUnsignedInt(in.getShort())) : null;
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new SnapshotCorruptException("value of '" + key + "' is longer than the data");
            }
            byte[] bytes = new byte[length];
            in.get(bytes);
            entries.put(key, new EncodedValue(kind, className, bytes));
        }
        if (in.hasRemaining()) {
            throw new SnapshotCorruptException(in.remaining() + " trailing bytes after the last entry");
        }
        return entries;
    }

    private static String string(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("name longer than 65535 bytes: " + value.substring(0, 64) + "…");
        }
        return bytes;
    }
}
