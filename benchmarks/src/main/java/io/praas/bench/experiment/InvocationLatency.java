package io.praas.bench.experiment;

import io.praas.bench.driver.HttpDriver;
import io.praas.bench.driver.Latency;
import io.praas.bench.driver.RedisDriver;
import io.praas.bench.env.BenchEnvironment;
import io.praas.bench.report.Charts;
import io.praas.bench.report.Results;
import io.praas.bench.report.Section;
import io.praas.bench.report.Table;
import io.praas.bench.report.TargetCheck;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Floors and invocation latency at the paper's payload sizes: the echo server, a bare gateway
 * route to it and Redis, next to an echo function called through the PraaS gateway, directly on
 * its manager, and from another function of the same process.
 */
public final class InvocationLatency implements Experiment {

    static final String ECHO = "echo floor";
    static final String BARE_GATEWAY = "bare gateway floor";
    static final String GATEWAY = "PraaS gateway";
    static final String BARE_TO_MANAGER = "bare gateway to the manager";
    static final String DIRECT = "PraaS direct";
    static final String LOCAL = "in-process call";
    static final String REDIS_SET = "Redis SET";
    static final String REDIS_GET = "Redis GET";

    private static final List<Integer> SIZES = List.of(10, Sizes.KIB, 100 * Sizes.KIB, Sizes.MIB, 5 * Sizes.MIB);
    private static final String SESSION = "latency";
    private static final int ROUNDS = 10;

    private final RunMode mode;

    public InvocationLatency(RunMode mode) {
        this.mode = mode;
    }

    @Override
    public String id() {
        return "latency";
    }

    @Override
    public String title() {
        return "Floors and invocation latency";
    }

    @Override
    public void run(BenchEnvironment env, Results results) {
        Table table = new Table("invocation_latency", "path", "payload", "bytes", "samples", "p50_us", "p99_us",
                "p999_us", "floor", "p50_x_floor");
        Charts.LineChart chart = new Charts.LineChart("Invocation latency (p50) by payload size", "payload (bytes)",
                "p50 latency (µs)").logX().logY();
        Map<String, Map<Integer, Latency>> measured = new LinkedHashMap<>();
        // One unmeasured pass of the first size: the services' JITs finish at different times, and the first
        // size measured was the one that paid for it (10 B direct 270 µs against 195 µs for 1 KiB in one run).
        measure(env, SIZES.getFirst());
        for (int size : SIZES) {
            measure(env, size).forEach((path, latency) -> record(measured, path, size, latency));
        }
        Map<String, String> floors = Map.of(BARE_GATEWAY, ECHO, GATEWAY, BARE_GATEWAY, BARE_TO_MANAGER, BARE_GATEWAY,
                DIRECT, ECHO);
        measured.forEach((path, bySize) -> bySize.forEach((size, latency) -> {
            String floor = floors.get(path);
            Double ratio = floor == null ? null : latency.p50() / measured.get(floor).get(size).p50();
            table.add(path, Sizes.label(size), size, latency.count(), latency.p50(), latency.p99(), latency.p999(),
                    floor, ratio);
            chart.point(path, size, Math.max(latency.p50(), 0.001));
        }));
        headlines(results, measured);
        results.section(new Section(title(), """
                Each path is called one request at a time on a kept-alive connection (Reactor Netty client, \
                the same for every HTTP path), after a warm-up (and one unmeasured pass of the 10 B size), in 10 \
                alternating rounds so that the machine's noise falls on every path alike. The echo function returns its body \
                (raw bytes in and out); the in-process call is `ctx.call("echo", …)` from another function of \
                the same process, timed inside the process (no HTTP, no copy). Floors: the echo server \
                (Reactor Netty, its own JVM), the same echo behind a bare Spring Cloud Gateway route, and \
                Redis SET/GET of the same bytes (Jedis). The bare gateway also has a plain route to the \
                manager: the echo function through it shows what the manager adds behind any gateway, and \
                what is left of a call through ours is our gateway's own work.""",
                List.of(table), List.of(chart.writePng(results.chartDirectory(), "invocation-latency.png"))));
    }

    private Map<String, Latency> measure(BenchEnvironment env, int size) {
        byte[] payload = new byte[size];
        ThreadLocalRandom.current().nextBytes(payload);
        int iterations = iterations(size);
        int warmup = Math.max(iterations / 2, mode.pick(2_000, 200) / Math.max(1, size / (64 * Sizes.KIB)));
        HttpDriver http = env.http();
        RedisDriver redis = env.redis();
        String key = "bench:latency:" + size;
        redis.seed(key, size);
        Map<String, Latency> latencies = new Interleaved()
                .add(ECHO, http(http, env.echoUrl(), payload))
                .add(BARE_GATEWAY, http(http, env.bareGatewayUrl(), payload))
                .add(GATEWAY, http(http, env.viaGateway(SESSION, "echo"), payload))
                .add(BARE_TO_MANAGER, http(http, env.viaBareGateway(SESSION, "echo"), payload))
                .add(DIRECT, http(http, env.direct(SESSION, "echo"), payload))
                .add(LOCAL, (into, count) -> inProcess(env, size, into, count))
                .add(REDIS_SET, (into, count) -> redis.measureSet(into, key, size, count))
                .add(REDIS_GET, (into, count) -> redis.measureGet(into, key, size, count))
                .run(warmup, iterations, ROUNDS);
        redis.delete(key);
        return latencies;
    }

    private int iterations(int size) {
        if (size <= 100 * Sizes.KIB) {
            return mode.pick(size <= Sizes.KIB ? 5_000 : 2_000, 300);
        }
        return size <= Sizes.MIB ? mode.pick(500, 40) : mode.pick(200, 15);
    }

    private static Interleaved.Probe http(HttpDriver http, String url, byte[] payload) {
        return (into, count) -> http.measure(into, () -> url, Json.BYTES, payload, count);
    }

    /** The callLocal function times {@code count} nested calls of echo inside the process. */
    private static void inProcess(BenchEnvironment env, int size, Histogram into, int count) {
        long[] nanos = Json.read(env.http().post(env.direct(SESSION, "callLocal"), Json.TYPE,
                Json.body(Map.of("bytes", size, "calls", count))), long[].class);
        if (into != null) {
            for (long value : nanos) {
                into.recordValue(Math.max(1, value));
            }
        }
    }

    private static void record(Map<String, Map<Integer, Latency>> measured, String path, int size, Latency latency) {
        measured.computeIfAbsent(path, key -> new LinkedHashMap<>()).put(size, latency);
    }

    private static void headlines(Results results, Map<String, Map<Integer, Latency>> measured) {
        double echo = measured.get(ECHO).get(10).p50();
        double bare = measured.get(BARE_GATEWAY).get(10).p50();
        double gateway = measured.get(GATEWAY).get(10).p50();
        double bareToManager = measured.get(BARE_TO_MANAGER).get(10).p50();
        double direct = measured.get(DIRECT).get(10).p50();
        results.headline("floor_echo_p50_10B", "us", echo, null);
        results.headline("floor_bare_gateway_p50_10B", "us", bare, echo);
        results.headline("invoke_gateway_p50_10B", "us", gateway, bare);
        results.headline("invoke_bare_gateway_to_manager_p50_10B", "us", bareToManager, bare);
        results.headline("invoke_direct_p50_10B", "us", direct, echo);
        results.headline("invoke_local_p50_10B", "us", measured.get(LOCAL).get(10).p50(), null);
        results.headline("invoke_gateway_p99_10B", "us", measured.get(GATEWAY).get(10).p99(),
                measured.get(BARE_GATEWAY).get(10).p99());
        results.headline("invoke_direct_p50_1MiB", "us", measured.get(DIRECT).get(Sizes.MIB).p50(),
                measured.get(ECHO).get(Sizes.MIB).p50());
        results.headline("floor_redis_get_p50_1MiB", "us", measured.get(REDIS_GET).get(Sizes.MIB).p50(), null);
        results.target(Checks.atMost("warm invoke p50, 10 B, through the gateway", "<= 1.3x a bare gateway route",
                gateway, bare, 1.3, "µs", gatewayShare(gateway, bare, bareToManager)));
        results.target(Checks.atMost("warm invoke p50, 10 B, directly against the manager", "<= 2x the bare echo",
                direct, echo, 2.0, "µs", "the hand-off to the process's worker thread and back (function code never runs on an event loop)"));
    }

    /** Splits a call's extra time through our gateway into the manager's (behind a bare route) and our gateway's. */
    private static String gatewayShare(double gateway, double bare, double bareToManager) {
        double manager = bareToManager - bare;
        double ours = gateway - bareToManager;
        return String.format(Locale.ROOT, "a call through our gateway took %.0f µs more than the bare route to the echo; "
                + "the bare route to the same manager took %.0f µs more than to the echo (the manager's share behind any "
                + "gateway: the hand-off to the process's worker thread and back), %s", gateway - bare, manager,
                ours > 0 ? String.format(Locale.ROOT, "so %.0f µs are our gateway's own work (routing and header filters, "
                        + "load balancer, observation)", ours)
                        : "so our gateway's own work did not show against the bare route's");
    }
}
