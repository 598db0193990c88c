package io.praas.bench.experiment;

import io.praas.bench.report.Results;
import io.praas.bench.report.Section;
import io.praas.bench.report.Table;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs the JMH micro-benchmarks before anything else starts, on a quiet machine. */
public final class CodecMicrobenchmarks {

    private final RunMode mode;

    public CodecMicrobenchmarks(RunMode mode) {
        this.mode = mode;
    }

    /** Runs JMH, reports it, and returns the decoder's average time in µs by state size. */
    public Map<Integer, Double> run(Results results) {
        List<Integer> sizes = mode.pick(List.of(Sizes.KIB, 100 * Sizes.KIB, Sizes.MIB, 10 * Sizes.MIB, 100 * Sizes.MIB),
                List.of(Sizes.MIB));
        Options options = new OptionsBuilder()
                .include(SnapshotCodecBenchmark.class.getName())
                .param("size", sizes.stream().map(String::valueOf).toArray(String[]::new))
                .forks(mode.pick(1, 0))
                .warmupIterations(mode.pick(3, 1))
                .warmupTime(TimeValue.milliseconds(mode.pick(1_000, 200)))
                .measurementIterations(mode.pick(5, 2))
                .measurementTime(TimeValue.milliseconds(mode.pick(1_000, 200)))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs;
        try {
            runs = new Runner(options).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
        Table table = new Table("snapshot_codec_jmh", "operation", "state", "bytes", "avg_us", "error_us");
        Map<Integer, Double> decode = new TreeMap<>();
        for (RunResult run : runs) {
            String operation = run.getParams().getBenchmark().replaceAll(".*\\.", "");
            int size = Integer.parseInt(run.getParams().getParam("size"));
            double score = run.getPrimaryResult().getScore();
            table.add(operation, Sizes.label(size), size, score, run.getPrimaryResult().getScoreError());
            if (operation.equals("decode")) {
                decode.put(size, score);
            }
            results.headline("snapshot_" + operation + "_" + Sizes.label(size), "us", score, null);
        }
        results.section(new Section("Snapshot codec (JMH)", """
                The manager's snapshot format (CRC32C, LZ4, framing) encoding and decoding the state that \
                `fill` creates (N random bytes and a counter), in microseconds per operation. The decode time \
                is part of the resume floor below.""", List.of(table), List.of()));
        return decode;
    }
}
