package io.praas.samples.bench;

import io.praas.sdk.AppDefinition;
import io.praas.sdk.Durability;
import io.praas.sdk.InvalidInputException;
import io.praas.sdk.ProcessApplication;
import io.praas.sdk.ProcessContext;
import io.praas.sdk.ProcessState;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;

/**
 * The bundle the benchmark suite deploys. It measures the same work done two ways: the PraaS way
 * ({@code fill} then {@code work}: the state stays in the process's memory) and the FaaS way
 * ({@code faasWork}: a stateless function that fetches the state from Redis and writes it back on
 * every call). {@code echo}, {@code noop} and {@code callLocal} measure the platform's own overhead.
 */
public final class BenchmarkApp implements ProcessApplication {

    static final String BLOB = "blob";
    static final String COUNTER = "counter";

    static final long MAX_FILL_BYTES = 1L << 30;      // 1 GiB
    static final int MAX_CALL_BYTES = 64 << 20;       // 64 MiB
    static final int MAX_CALLS = 100_000;

    /** Long enough for a GET/SET of a value near the 1 GiB cap; Jedis's default of 2 s is not. */
    private static final int REDIS_SOCKET_TIMEOUT_MILLIS = 60_000;
    private static final int REDIS_CONNECT_TIMEOUT_MILLIS = 5_000;

    /**
     * One pooled client per Redis address, kept for the life of the bundle, like a warm FaaS
     * container keeps its connections: the FaaS baseline should not pay for a connect per call.
     * Static because every process of the app shares the bundle's classes; {@link RedisClient} is
     * thread-safe, and processes of the app run in parallel.
     */
    private static final ConcurrentHashMap<String, RedisClient> REDIS = new ConcurrentHashMap<>();

    /** Input of {@code fill}: the size of the blob to create. */
    public record Fill(long bytes) {
    }

    /** Input of {@code faasWork}: where the state lives ({@code host:port}) and under which key. */
    public record FaasWork(String redis, String key) {
    }

    /** Input of {@code callLocal}: payload size and number of calls to {@code echo}. */
    public record CallLocal(int bytes, int calls) {
    }

    /** Output of {@code work} and {@code faasWork}: proof the whole state was read, and the new count. */
    public record WorkResult(long checksum, long counter) {
    }

    @Override
    public void define(AppDefinition app) {
        // EPHEMERAL: state reaches Redis only on swap-out and drain. That is the PraaS semantics the
        // paper measures; the other modes would add a storage write to the warm path.
        app.durability(Durability.EPHEMERAL)
                // Long: the benchmarks swap processes out explicitly, an idle swap would skew them.
                .idleTimeout(Duration.ofMinutes(30))
                .invocationTimeout(Duration.ofSeconds(60))
                .function("echo", byte[].class, (input, context) -> input)
                .function("noop", (input, context) -> null)
                .function("fill", Fill.class, (input, context) -> fill(context.state(), input))
                .function("work", (input, context) -> work(context.state()))
                .function("faasWork", FaasWork.class, (input, context) -> faasWork(input))
                .function("callLocal", CallLocal.class, (input, context) -> callLocal(context, input));
    }

    /** Creates the state {@code work} runs on. */
    private static long fill(ProcessState state, Fill input) {
        if (input == null || input.bytes() < 0 || input.bytes() > MAX_FILL_BYTES) {
            throw new InvalidInputException("'bytes' must be between 0 and " + MAX_FILL_BYTES
                    + ", was " + (input == null ? "missing" : input.bytes()));
        }
        byte[] blob = new byte[(int) input.bytes()];
        // Random, so LZ4 cannot shrink it: the worst case for the snapshot on swap-out.
        ThreadLocalRandom.current().nextBytes(blob);
        state.put(BLOB, blob);
        state.put(COUNTER, 0L);
        return input.bytes();
    }

    /** The stateful way: the blob is already in memory, read in place. */
    private static WorkResult work(ProcessState state) {
        byte[] blob = state.get(BLOB, byte[].class);
        if (blob == null) {
            throw new InvalidInputException("there is no blob: call fill first");
        }
        long counter = state.getOrDefault(COUNTER, Long.class, 0L) + 1;
        state.put(COUNTER, counter);
        return new WorkResult(crc32c(blob), counter);
    }

    /**
     * The FaaS way: nothing survives between calls but the connection pool, so the state is fetched
     * from Redis, worked on and written back in full. The counter lives in the value's first 8 bytes
     * (big-endian), so the whole value round-trips as one key, as a FaaS function's state would.
     */
    private static WorkResult faasWork(FaasWork input) {
        if (input == null || input.redis() == null || input.key() == null) {
            throw new InvalidInputException("'redis' (host:port) and 'key' are required");
        }
        RedisClient redis = redis(input.redis());
        byte[] key = input.key().getBytes(StandardCharsets.UTF_8);
        byte[] value = redis.get(key);
        if (value == null) {
            throw new InvalidInputException("key '" + input.key() + "' does not exist in " + input.redis());
        }
        if (value.length < Long.BYTES) {
            throw new InvalidInputException("key '" + input.key() + "' holds " + value.length
                    + " bytes, at least 8 are needed for the counter");
        }
        long checksum = crc32c(value);
        // The fetched array is our private copy: update the counter in place, no second buffer.
        ByteBuffer buffer = ByteBuffer.wrap(value);
        long counter = buffer.getLong(0) + 1;
        buffer.putLong(0, counter);
        redis.set(key, value);
        return new WorkResult(checksum, counter);
    }

    /** Times calls from this process to its own {@code echo}: the cost of a process-local call. */
    private static long[] callLocal(ProcessContext context, CallLocal input) {
        if (input == null || input.bytes() < 0 || input.bytes() > MAX_CALL_BYTES
                || input.calls() < 0 || input.calls() > MAX_CALLS) {
            throw new InvalidInputException("'bytes' must be between 0 and " + MAX_CALL_BYTES
                    + " and 'calls' between 0 and " + MAX_CALLS);
        }
        byte[] payload = new byte[input.bytes()];
        long[] nanos = new long[input.calls()];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            byte[] echoed = context.call("echo", payload, byte[].class);
            nanos[i] = System.nanoTime() - start;
            // Checked after the clock stops, so the check is not part of the measurement.
            if (echoed == null || echoed.length != payload.length) {
                throw new IllegalStateException("echo returned " + (echoed == null ? "null" : echoed.length + " bytes")
                        + " for " + payload.length);
            }
        }
        return nanos;
    }

    private static long crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue();
    }

    private static RedisClient redis(String address) {
        return REDIS.computeIfAbsent(address, BenchmarkApp::connect);
    }

    private static RedisClient connect(String address) {
        HostAndPort hostAndPort;
        try {
            hostAndPort = HostAndPort.from(address);
        } catch (RuntimeException e) {
            throw new InvalidInputException("'redis' must be host:port, was '" + address + "'");
        }
        return RedisClient.builder()
                .hostAndPort(hostAndPort)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(REDIS_CONNECT_TIMEOUT_MILLIS)
                        .socketTimeoutMillis(REDIS_SOCKET_TIMEOUT_MILLIS)
                        .build())
                .build();
    }
}
