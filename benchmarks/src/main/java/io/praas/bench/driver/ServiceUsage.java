package io.praas.bench.driver;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU time of the measured processes over an interval, as cores busy on average. */
public final class ServiceUsage {

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final Map<String, Duration> startCpu = new LinkedHashMap<>();
    private long startNanos;

    /** Watches the processes with these ids, by name; this JVM (the load driver) is added as {@code driver}. */
    public ServiceUsage(Map<String, Long> pids) {
        pids.forEach((name, pid) -> ProcessHandle.of(pid).ifPresent(handle -> processes.put(name, handle)));
        processes.put("driver", ProcessHandle.current());
    }

    public void start() {
        startNanos = System.nanoTime();
        processes.forEach((name, handle) -> startCpu.put(name, cpu(handle)));
    }

    /** Cores each process kept busy since {@link #start()}. */
    public Map<String, Double> stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        processes.forEach((name, handle) ->
                cores.put(name, cpu(handle).minus(startCpu.get(name)).toNanos() / 1e9 / seconds));
        return cores;
    }

    private static Duration cpu(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
