package io.praas.manager.state;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

    private final LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();
    private final LZ4SafeDecompressor decompressor = LZ4Factory.fastestInstance().safeDecompressor();

    public byte[] encode(Map<String, EncodedValue> entries) {
        byte[] body = body(entries);
        CRC32C crc = new CRC32C();
        crc.update(body);
        int compression = NO_COMPRESSION;
        byte[] stored = body;
        if (body.length >= COMPRESSION_THRESHOLD) {
            byte[] compressed = compressor.compress(body);
            if (compressed.length < body.length) {
                compression = LZ4;
                stored = compressed;
            }
        }
        return ByteBuffer.allocate(HEADER_BYTES + stored.length)
                .putInt(MAGIC).put((byte) VERSION).put((byte) compression)
                .putInt((int) crc.getValue()).putInt(body.length).putInt(stored.length)
                .put(stored)
                .array();
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
            byte[] body = switch (compression) {
                case NO_COMPRESSION -> storedBody(in, storedLength, bodyLength);
                case LZ4 -> decompress(snapshot, HEADER_BYTES, storedLength, bodyLength);
                default -> throw new SnapshotCorruptException("unknown compression " + compression);
            };
            CRC32C crc = new CRC32C();
            crc.update(body);
            if ((int) crc.getValue() != expectedCrc) {
                throw new SnapshotCorruptException("checksum mismatch");
            }
            return entries(ByteBuffer.wrap(body));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SnapshotCorruptException("truncated or malformed data", e);
        }
    }

    private static byte[] storedBody(ByteBuffer in, int storedLength, int bodyLength) {
        if (storedLength != bodyLength) {
            throw new SnapshotCorruptException("uncompressed body has the wrong length");
        }
        byte[] body = new byte[bodyLength];
        in.get(body);
        return body;
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

    private static byte[] body(Map<String, EncodedValue> entries) {
        int size = 4;
        Map<String, byte[]> keys = new LinkedHashMap<>();
        Map<String, byte[]> classNames = new LinkedHashMap<>();
        for (Map.Entry<String, EncodedValue> entry : entries.entrySet()) {
            byte[] key = utf8(entry.getKey());
            keys.put(entry.getKey(), key);
            EncodedValue value = entry.getValue();
            size += 2 + key.length + 1 + 4 + value.bytes().length;
            if (value.kind() == EncodedValue.Kind.JSON) {
                byte[] className = utf8(value.className());
                classNames.put(entry.getKey(), className);
                size += 2 + className.length;
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(entries.size());
        entries.forEach((key, value) -> {
            byte[] keyBytes = keys.get(key);
            out.putShort((short) keyBytes.length).put(keyBytes).put((byte) value.kind().code());
            if (value.kind() == EncodedValue.Kind.JSON) {
                byte[] className = classNames.get(key);
                out.putShort((short) className.length).put(className);
            }
            out.putInt(value.bytes().length).put(value.bytes());
        });
        return out.array();
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
