package io.praas.manager.state;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotCodecTest {

    private final SnapshotCodec codec = new SnapshotCodec();

    private static Map<String, EncodedValue> sampleState() {
        byte[] random = new byte[4096];
        new Random(1).nextBytes(random);
        Map<String, EncodedValue> state = new LinkedHashMap<>();
        state.put("count", EncodedValue.json("java.lang.Long", "42".getBytes(StandardCharsets.UTF_8)));
        state.put("grüße", EncodedValue.json("java.lang.String", "\"世界\"".getBytes(StandardCharsets.UTF_8)));
        state.put("blob", EncodedValue.raw(random));
        state.put("text", EncodedValue.json("java.lang.String", ("\"" + "a".repeat(10_000) + "\"").getBytes(StandardCharsets.UTF_8)));
        state.put("empty", EncodedValue.raw(new byte[0]));
        return state;
    }

    @Test
    void roundTripKeepsEveryEntryByteForByte() {
        Map<String, EncodedValue> state = sampleState();

        Map<String, EncodedValue> decoded = codec.decode(codec.encode(state));

        assertThat(decoded.keySet()).containsExactlyElementsOf(state.keySet());
        state.forEach((key, value) -> {
            assertThat(decoded.get(key).kind()).isEqualTo(value.kind());
            assertThat(decoded.get(key).className()).isEqualTo(value.className());
            assertThat(decoded.get(key).bytes()).isEqualTo(value.bytes());
        });
    }

    @Test
    void emptyStateRoundTrips() {
        assertThat(codec.decode(codec.encode(Map.of()))).isEmpty();
    }

    @Test
    void repetitiveStateIsStoredCompressed() {
        byte[] snapshot = codec.encode(sampleState());
        assertThat(snapshot.length).isLessThan(4096 + 10_000);
        assertThat(snapshot[5]).as("compression flag").isEqualTo((byte) 1);
    }

    @Test
    void flippedBitAnywhereInTheBodyIsRefusedAsCorrupt() {
        byte[] snapshot = codec.encode(sampleState());
        for (int position = 18; position < snapshot.length; position += Math.max(1, snapshot.length / 50)) {
            byte[] damaged = snapshot.clone();
            damaged[position] ^= 0x01;
            assertThatThrownBy(() -> codec.decode(damaged)).as("flip at %d", position)
                    .isInstanceOf(SnapshotCorruptException.class);
        }
    }

    @Test
    void checksumMismatchIsNamedInTheError() {
        byte[] snapshot = codec.encode(Map.of("count", EncodedValue.json("java.lang.Long", "1".getBytes())));
        snapshot[snapshot.length - 1] ^= 0x7F;
        assertThatThrownBy(() -> codec.decode(snapshot)).isInstanceOf(SnapshotCorruptException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void unknownFormatVersionIsRefused() {
        byte[] snapshot = codec.encode(sampleState());
        snapshot[4] = 99;
        assertThatThrownBy(() -> codec.decode(snapshot)).isInstanceOf(UnsupportedSnapshotFormatException.class)
                .hasMessageContaining("99");
    }

    @Test
    void truncatedSnapshotIsRefused() {
        byte[] snapshot = codec.encode(sampleState());
        byte[] truncated = ByteBuffer.allocate(snapshot.length - 10).put(snapshot, 0, snapshot.length - 10).array();
        assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(SnapshotCorruptException.class);
    }

    @Test
    void bytesThatAreNoSnapshotAreRefused() {
        assertThatThrownBy(() -> codec.decode("hello".getBytes())).isInstanceOf(SnapshotCorruptException.class);
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(SnapshotCorruptException.class);
    }
}
