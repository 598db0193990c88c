package io.praas.bench.driver;

import org.HdrHistogram.Histogram;
import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Raw Redis transfers, the floor of every state transfer (Jedis, one connection). */
public final class RedisDriver implements AutoCloseable {

    /**
     * Jedis's default of 2 s is shorter than Redis's own stalls with 100 MiB values: finishing an AOF rewrite
     * it flushed ~500 MB of diff in its main thread for 2 s, and a floor SET timed out. A stall is measured, not fatal.
     */
    private static final int TIMEOUT_MILLIS = 60_000;

    private final Jedis jedis;
    private final String address;

    public RedisDriver(String host, int port) {
        this.jedis = new Jedis(host, port, TIMEOUT_MILLIS);
        this.address = host + ":" + port;
    }

    /** {@code host:port}, as functions that talk to Redis themselves are told. */
    public String address() {
        return address;
    }

    /** Stores {@code size} random bytes under {@code key}. */
    public void seed(String key, int size) {
        byte[] value = new byte[size];
        ThreadLocalRandom.current().nextBytes(value);
        jedis.set(bytes(key), value);
    }

    public Latency set(String key, int size, int warmup, int iterations) {
        measureSet(null, key, size, warmup);
        Histogram histogram = Latency.newHistogram();
        measureSet(histogram, key, size, iterations);
        return Latency.of(histogram);
    }

    /** GETs {@code key}, which must hold {@code size} bytes (see {@link #seed}). */
    public Latency get(String key, int size, int warmup, int iterations) {
        measureGet(null, key, size, warmup);
        Histogram histogram = Latency.newHistogram();
        measureGet(histogram, key, size, iterations);
        return Latency.of(histogram);
    }

    /** SETs {@code size} random bytes under {@code key} {@code count} times, recording each into {@code into} (if not null). */
    public void measureSet(Histogram into, String key, int size, int count) {
        byte[] value = new byte[size];
        ThreadLocalRandom.current().nextBytes(value);
        byte[] name = bytes(key);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            jedis.set(name, value);
            record(into, start);
        }
    }

    /** GETs {@code key} (holding {@code size} bytes) {@code count} times, recording each into {@code into} (if not null). */
    public void measureGet(Histogram into, String key, int size, int count) {
        byte[] name = bytes(key);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            byte[] value = jedis.get(name);
            record(into, start);
            requireSize(value, key, size);
        }
    }

    private static void record(Histogram into, long start) {
        long nanos = System.nanoTime() - start;
        if (into != null) {
            into.recordValue(nanos);
        }
    }

    /** Bytes Redis uses for data ({@code INFO memory} {@code used_memory}). */
    public long usedMemory() {
        for (String line : jedis.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }

    public void delete(String key) {
        jedis.del(bytes(key));
    }

    private static void requireSize(byte[] value, String key, int size) {
        if (value == null || value.length != size) {
            throw new IllegalStateException("Redis key " + key + " does not hold " + size + " bytes");
        }
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        jedis.close();
    }
}
