package io.praas.bench.driver;

import org.HdrHistogram.Histogram;

/** Percentiles of one measured series, in microseconds. */
public record Latency(long count, double p50, double p99, double p999, double mean, double max) {

    /** Records nanoseconds up to one minute with three significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(60_000_000_000L, 3);
    }

    public static Latency of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            throw new IllegalStateException("no samples were recorded");
        }
        return new Latency(nanos.getTotalCount(), micros(nanos.getValueAtPercentile(50)),
                micros(nanos.getValueAtPercentile(99)), micros(nanos.getValueAtPercentile(99.9)),
                nanos.getMean() / 1_000.0, micros(nanos.getMaxValue()));
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0;
    }
}
