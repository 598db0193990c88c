package io.praas.manager.state;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    void incompressibleStateIsStoredAsIsAndRoundTrips() {
        byte[] random = new byte[1 << 20];
        new Random(2).nextBytes(random);
        Map<String, EncodedValue> state = Map.of("blob", EncodedValue.raw(random));

        byte[] snapshot = codec.encode(state);

        assertThat(snapshot[5]).as("compression flag").isEqualTo((byte) 0);
        assertThat(snapshot.length).isLessThan(random.length + 64);
        assertThat(codec.decode(snapshot).get("blob").bytes()).isEqualTo(random);
        byte[] damaged = snapshot.clone();
        damaged[damaged.length / 2] ^= 0x01;
        assertThatThrownBy(() -> codec.decode(damaged)).isInstanceOf(SnapshotCorruptException.class);
    }

    @Test
    void largeStateThatCompressesOnlyInPlacesIsStillCompressed() {
        byte[] mixed = new byte[1 << 20];
        new Random(3).nextBytes(mixed);
        Arrays.fill(mixed, 0, mixed.length / 2, (byte) 'x');
        Map<String, EncodedValue> state = Map.of("mixed", EncodedValue.raw(mixed));

        byte[] snapshot = codec.encode(state);

        assertThat(snapshot[5]).as("compression flag").isEqualTo((byte) 1);
        assertThat(snapshot.length).isLessThan(mixed.length * 3 / 4);
        assertThat(codec.decode(snapshot).get("mixed").bytes()).isEqualTo(mixed);
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
