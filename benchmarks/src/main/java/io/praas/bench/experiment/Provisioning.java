package io.praas.bench.experiment;

import io.praas.bench.driver.Latency;
import io.praas.bench.env.BenchEnvironment;
import io.praas.bench.report.Charts;
import io.praas.bench.report.Results;
import io.praas.bench.report.Section;
import io.praas.bench.report.Table;
import io.praas.bench.report.TargetCheck;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Cold allocation of new processes next to warm calls, and swap-out and resume time by state size
 * next to a raw Redis transfer of the same bytes.
 */
public final class Provisioning implements Experiment {

    private final RunMode mode;
    private final Map<Integer, Double> decodeMicros;

    /** {@code decodeMicros}: the snapshot decoder's time by snapshot size, from the JMH run (may be empty). */
    public Provisioning(RunMode mode, Map<Integer, Double> decodeMicros) {
        this.mode = mode;
        this.decodeMicros = decodeMicros;
    }

    @Override
    public String id() {
        return "provisioning";
    }

    @Override
    public String title() {
        return "Provisioning: cold allocation, swap-out and resume";
    }

    @Override
    public void run(BenchEnvironment env, Results results) {
        Table cold = coldAllocation(env, results);
        Charts.LineChart chart = new Charts.LineChart("Swap-out and resume by state size (p50)", "state (bytes)",
                "p50 (µs)").logX().logY();
        Table swap = swapAndResume(env, results, chart);
        results.section(new Section(title(), """
                Cold: every request names a new session, so the manager allocates a process (lease and empty \
                snapshot fetched from the state service in one call) before running `noop`; warm: the same \
                function on a live process, measured in the same run; cold starts first run as long as every path's \
                warm-up. Swap-out: `POST …/swap` on the manager \
                of a process holding N random bytes (incompressible, the worst case for the snapshot); resume: the \
                next `noop` call, which loads the snapshot and runs; swap-outs and resumes of 1 KiB and 100 KiB sessions first \
                run as long as every path's warm-up. Floors: Redis SET and GET of the same \
                number of bytes, and the snapshot decoder's time from the JMH run.""",
                List.of(cold, swap), List.of(chart.writePng(results.chartDirectory(), "swap-resume.png"))));
    }

    private Table coldAllocation(BenchEnvironment env, Results results) {
        Table table = new Table("cold_allocation", "path", "kind", "samples", "p50_us", "p99_us", "p999_us");
        int iterations = mode.pick(2_000, 150);
        int warmup = mode.pick(1_000, 100);
        AtomicLong sessions = new AtomicLong();
        Interleaved paths = new Interleaved();
        for (String path : List.of("direct", "gateway")) {
            Function<String, String> url = path.equals("direct") ? session -> env.direct(session, "noop")
                    : session -> env.viaGateway(session, "noop");
            String warmUrl = url.apply("warm-noop");
            Interleaved.Probe coldStarts = (into, count) -> env.http().measure(into,
                    () -> url.apply("cold-" + sessions.incrementAndGet()), Json.TYPE, Json.NONE, count);
            // the suite's warm-up covers warm calls only; activation (the state service's endpoint and script,
            // the manager's client) gets as long to be compiled before cold starts are measured
            runFor(mode.warmUpPerPath(), coldStarts);
            paths.add(path + " warm", (into, count) -> env.http().measure(into, () -> warmUrl, Json.TYPE, Json.NONE, count))
                    .add(path + " cold", coldStarts);
        }
        Map<String, Latency> latencies = paths.run(warmup, iterations, 10);
        double[] extra = new double[2];
        int index = 0;
        for (String path : List.of("direct", "gateway")) {
            Latency warm = latencies.get(path + " warm");
            Latency coldCalls = latencies.get(path + " cold");
            table.add(path, "warm", warm.count(), warm.p50(), warm.p99(), warm.p999());
            table.add(path, "cold", coldCalls.count(), coldCalls.p50(), coldCalls.p99(), coldCalls.p999());
            results.headline("cold_allocation_p50_" + path, "us", coldCalls.p50(), warm.p50());
            extra[index++] = coldCalls.p50() - warm.p50();
        }
        results.headline("cold_allocation_extra_p50_direct", "us", extra[0], null);
        results.target(new TargetCheck("cold allocation", "< 1 ms more than a warm call",
                String.format(Locale.ROOT, "+%.0f µs direct, +%.0f µs through the gateway (p50)", extra[0], extra[1]),
                extra[0] < 1_000, "the activation round trip to the state service (Spring MVC + Lua script) and "
                + "the hand-offs between the manager's event loop and the process worker"));
        return table;
    }

    private static void runFor(Duration duration, Interleaved.Probe probe) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            probe.run(null, 100);
        }
    }

    /**
     * Swap-out and resume run as long as every other path's warm-up before they are measured, on sessions of their
     * own: a few dozen rounds left them to the JIT's first tiers (a 1 KiB resume took 5.5 ms in its first 30
     * rounds, 2.0 ms after 1,500 and 0.8-1.1 ms after some thousands, measured with curl against one manager).
     */
    private void warmUpSwapAndResume(BenchEnvironment env) {
        List<String> sessions = List.of("swap-warm-up-1KiB", "swap-warm-up-100KiB");
        env.http().post(env.direct(sessions.get(0), "fill"), Json.TYPE, Json.body(Map.of("bytes", Sizes.KIB)));
        env.http().post(env.direct(sessions.get(1), "fill"), Json.TYPE, Json.body(Map.of("bytes", 100 * Sizes.KIB)));
        long deadline = System.nanoTime() + mode.warmUpPerPath().toNanos();
        for (int round = 0; System.nanoTime() < deadline; round++) {
            String session = sessions.get(round % sessions.size());
            env.http().post(env.swapDirect(session), Json.TYPE, Json.NONE);
            env.http().post(env.direct(session, "noop"), Json.TYPE, Json.NONE);
        }
    }

    private Table swapAndResume(BenchEnvironment env, Results results, Charts.LineChart chart) {
        Table table = new Table("swap_resume", "state", "bytes", "samples", "swap_out_p50_us", "swap_out_p99_us",
                "resume_p50_us", "resume_p99_us", "redis_set_p50_us", "redis_get_p50_us", "decode_us",
                "resume_x_floor");
        List<Integer> sizes = mode.pick(List.of(Sizes.KIB, 100 * Sizes.KIB, Sizes.MIB, 10 * Sizes.MIB, 100 * Sizes.MIB),
                List.of(Sizes.KIB, Sizes.MIB));
        warmUpSwapAndResume(env);
        for (int size : sizes) {
            int iterations = size >= 100 * Sizes.MIB ? 5 : size >= 10 * Sizes.MIB ? mode.pick(15, 5) : mode.pick(100, 10);
            // a few unmeasured rounds of this size first (its buffers, its socket reads)
            int warmup = size > Sizes.MIB ? 2 : mode.pick(30, 2);
            String session = "swap-" + Sizes.label(size);
            env.http().post(env.direct(session, "fill"), Json.TYPE, Json.body(Map.of("bytes", size)));
            Histogram swapOut = Latency.newHistogram();
            Histogram resume = Latency.newHistogram();
            for (int i = 0; i < iterations + warmup; i++) {
                long start = System.nanoTime();
                env.http().post(env.swapDirect(session), Json.TYPE, Json.NONE);
                long swapped = System.nanoTime();
                env.http().post(env.direct(session, "noop"), Json.TYPE, Json.NONE);
                long resumed = System.nanoTime();
                if (i >= warmup) {
                    swapOut.recordValue(swapped - start);
                    resume.recordValue(resumed - swapped);
                }
            }
            String key = "bench:raw:" + size;
            int rawIterations = Math.max(iterations, 10);
            Latency set = env.redis().set(key, size, 2, rawIterations);
            Latency get = env.redis().get(key, size, 2, rawIterations);
            env.redis().delete(key);
            Latency out = Latency.of(swapOut);
            Latency in = Latency.of(resume);
            Double decode = decodeMicros.get(size);
            double resumeFloor = get.p50() + (decode == null ? 0 : decode);
            table.add(Sizes.label(size), size, out.count(), out.p50(), out.p99(), in.p50(), in.p99(), set.p50(), get.p50(),
                    decode, in.p50() / resumeFloor);
            chart.point("swap-out", size, out.p50()).point("resume + call", size, in.p50())
                    .point("Redis SET", size, set.p50()).point("Redis GET", size, get.p50());
            results.headline("swap_out_p50_" + Sizes.label(size), "us", out.p50(), set.p50());
            results.headline("resume_p50_" + Sizes.label(size), "us", in.p50(), resumeFloor);
            if (size == Sizes.MIB) {
                results.target(Checks.atMost("resume with 1 MiB of state", "<= 2x a raw Redis GET of the bytes plus decoding",
                        in.p50(), resumeFloor, 2.0, "µs", "the lease taken through the state service (the round trip a cold "
                                + "start pays, which the read overlaps), then the decoding, the rebuilt process and the call"));
            }
        }
        return table;
    }
}
