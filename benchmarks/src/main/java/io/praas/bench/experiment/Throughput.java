package io.praas.bench.experiment;

import io.praas.bench.driver.ServiceUsage;
import io.praas.bench.driver.ThroughputSample;
import io.praas.bench.env.BenchEnvironment;
import io.praas.bench.report.Charts;
import io.praas.bench.report.Results;
import io.praas.bench.report.Section;
import io.praas.bench.report.Table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Warm invocations per second at rising concurrency until latency breaks, with the CPU each
 * process used, for the platform and for its floors (the echo server and a bare gateway route).
 */
public final class Throughput implements Experiment {

    private static final byte[] PAYLOAD = "0123456789".getBytes();
    private static final List<String> PROCESSES = List.of("gateway-service", "process-manager-service", "state-service",
            "redis", "bare-gateway", "echo", "driver");
    /** Latency has broken when p99 passes this, or when more callers stop adding throughput. */
    private static final double BROKEN_P99_MICROS = 100_000;

    private final RunMode mode;

    public Throughput(RunMode mode) {
        this.mode = mode;
    }

    @Override
    public String id() {
        return "throughput";
    }

    @Override
    public String title() {
        return "Throughput";
    }

    @Override
    public void run(BenchEnvironment env, Results results) {
        List<String> columns = new ArrayList<>(List.of("target", "concurrency", "requests_per_s", "p50_us", "p99_us"));
        PROCESSES.forEach(process -> columns.add("cpu_" + process.replace('-', '_')));
        Table table = new Table("throughput", columns.toArray(String[]::new));
        Charts.LineChart chart = new Charts.LineChart("Warm 10 B invocations per second by concurrency", "concurrent callers",
                "requests per second").logX();
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("echo floor", env.echoUrl());
        targets.put("bare gateway floor", env.bareGatewayUrl());
        targets.put("PraaS gateway", env.viaGateway("throughput", "echo"));
        targets.put("PraaS direct", env.direct("throughput", "echo"));
        Map<String, Peak> peaks = new LinkedHashMap<>();
        targets.forEach((target, url) -> peaks.put(target, climb(env, target, url, table, chart)));
        Peak echo = peaks.get("echo floor");
        Peak bare = peaks.get("bare gateway floor");
        Peak gateway = peaks.get("PraaS gateway");
        Peak direct = peaks.get("PraaS direct");
        results.headline("throughput_echo_max", "req/s", echo.requestsPerSecond(), null);
        results.headline("throughput_bare_gateway_max", "req/s", bare.requestsPerSecond(), echo.requestsPerSecond());
        results.headline("throughput_gateway_max", "req/s", gateway.requestsPerSecond(), bare.requestsPerSecond());
        results.headline("throughput_direct_max", "req/s", direct.requestsPerSecond(), echo.requestsPerSecond());
        results.target(Checks.atLeast("throughput through the whole stack", ">= 80% of a bare gateway route to the echo",
                gateway.requestsPerSecond(), bare.requestsPerSecond(), 0.8, "req/s", String.format(Locale.ROOT,
                        "two cores shared by the load driver and every service; CPU per call at each peak: our gateway "
                        + "%.0f µs against the bare route's %.0f µs, the manager %.0f µs (its event loop and the "
                        + "process's worker) against the echo's %.0f µs",
                        gateway.cpuMicrosPerCall("gateway-service"), bare.cpuMicrosPerCall("bare-gateway"),
                        gateway.cpuMicrosPerCall("process-manager-service"), bare.cpuMicrosPerCall("echo"))));
        results.target(Checks.atLeast("throughput directly against one manager", ">= 50% of the bare echo server",
                direct.requestsPerSecond(), echo.requestsPerSecond(), 0.5, "req/s", "every call's hand-off from the event loop to the process's worker thread and back"));
        results.section(new Section(title(), """
                Closed loop: N callers on kept-alive connections each send their next 10 B request when the \
                previous one answered, for a fixed time per level; N doubles until p99 passes 100 ms or more \
                callers stop adding throughput. The `cpu_` columns are cores kept busy by each process during \
                the level (from the OS's CPU time of each process); the load driver itself shares the same \
                two cores, so every figure here is a floor-relative comparison, not a capacity.""",
                List.of(table), List.of(chart.writePng(results.chartDirectory(), "throughput.png"))));
    }

    /** Raises concurrency until latency breaks; returns the level with the most requests per second. */
    private Peak climb(BenchEnvironment env, String target, String url, Table table, Charts.LineChart chart) {
        Duration level = Duration.ofMillis(mode.pick(5_000, 1_000));
        env.http().throughput(url, Json.BYTES, PAYLOAD, 4, Duration.ofMillis(mode.pick(3_000, 500)));
        int maxConcurrency = mode.pick(256, 16);
        Peak best = new Peak(0, Map.of());
        int flat = 0;
        for (int concurrency = 1; concurrency <= maxConcurrency; concurrency *= mode.pick(2, 4)) {
            ServiceUsage usage = new ServiceUsage(env.pids());
            usage.start();
            ThroughputSample sample = env.http().throughput(url, Json.BYTES, PAYLOAD, concurrency, level);
            Map<String, Double> cpu = usage.stop();
            List<Object> row = new ArrayList<>(List.of(target, concurrency, sample.requestsPerSecond(),
                    sample.latency().p50(), sample.latency().p99()));
            PROCESSES.forEach(process -> row.add(cpu.getOrDefault(process, 0.0)));
            table.add(row.toArray());
            chart.point(target, concurrency, sample.requestsPerSecond());
            flat = sample.requestsPerSecond() < best.requestsPerSecond() * 1.05 ? flat + 1 : 0;
            if (sample.requestsPerSecond() > best.requestsPerSecond()) {
                best = new Peak(sample.requestsPerSecond(), cpu);
            }
            if (sample.latency().p99() > BROKEN_P99_MICROS || flat >= 2) {
                break;
            }
        }
        return best;
    }

    /** A target's best level: its requests per second and the cores each process kept busy meanwhile. */
    private record Peak(double requestsPerSecond, Map<String, Double> cores) {

        double cpuMicrosPerCall(String process) {
            return requestsPerSecond == 0 ? 0 : cores.getOrDefault(process, 0.0) / requestsPerSecond * 1e6;
        }
    }
}
