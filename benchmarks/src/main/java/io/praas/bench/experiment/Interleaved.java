package io.praas.bench.experiment;

import io.praas.bench.driver.Latency;
import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures several paths in alternating rounds rather than one after the other, so that noise
 * from the shared machine (other tenants, GC, JIT) falls on every path alike and their ratios hold.
 */
final class Interleaved {

    /** Sends {@code count} requests of one path, recording each into {@code into} (or nowhere, when null). */
    @FunctionalInterface
    interface Probe {
        void run(Histogram into, int count);
    }

    private final Map<String, Probe> probes = new LinkedHashMap<>();

    Interleaved add(String name, Probe probe) {
        probes.put(name, probe);
        return this;
    }

    /** Warms every path up, then measures {@code iterations} of each, spread over {@code rounds} rounds. */
    Map<String, Latency> run(int warmup, int iterations, int rounds) {
        probes.values().forEach(probe -> probe.run(null, warmup));
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        probes.keySet().forEach(name -> histograms.put(name, Latency.newHistogram()));
        int perRound = Math.max(1, iterations / rounds);
        for (int round = 0; round < rounds; round++) {
            probes.forEach((name, probe) -> probe.run(histograms.get(name), perRound));
        }
        Map<String, Latency> latencies = new LinkedHashMap<>();
        histograms.forEach((name, histogram) -> latencies.put(name, Latency.of(histogram)));
        return latencies;
    }
}
