package io.praas.bench.experiment;

import io.praas.manager.state.EncodedValue;
import io.praas.manager.state.SnapshotCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The manager's snapshot format: what swap-out pays to encode a process's state and resume pays
 * to decode it (CRC32C, LZ4, framing), for the state the benchmark app's {@code fill} creates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SnapshotCodecBenchmark {

    @Param({"1048576"})
    public int size;

    private final SnapshotCodec codec = new SnapshotCodec();
    private Map<String, EncodedValue> entries;
    private byte[] snapshot;

    @Setup
    public void setUp() {
        byte[] blob = new byte[size];
        new SplittableRandom(42).nextBytes(blob);
        entries = new LinkedHashMap<>();
        entries.put("blob", EncodedValue.raw(blob));
        entries.put("counter", EncodedValue.json(Long.class.getName(), "0".getBytes(StandardCharsets.UTF_8)));
        snapshot = codec.encode(entries);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(entries);
    }

    @Benchmark
    public Map<String, EncodedValue> decode() {
        return codec.decode(snapshot);
    }
}
