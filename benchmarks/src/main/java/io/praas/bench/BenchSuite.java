package io.praas.bench;

import io.praas.bench.env.BenchEnvironment;
import io.praas.bench.experiment.CodecMicrobenchmarks;
import io.praas.bench.experiment.Density;
import io.praas.bench.experiment.Experiment;
import io.praas.bench.experiment.InvocationLatency;
import io.praas.bench.experiment.Provisioning;
import io.praas.bench.experiment.RunMode;
import io.praas.bench.experiment.StatefulVsFaas;
import io.praas.bench.experiment.Throughput;
import io.praas.bench.report.MarkdownReport;
import io.praas.bench.report.Results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole benchmark suite: JMH first on a quiet machine, then the stack and its floors, then
 * every experiment against them; finally the CSV files, the charts and the report.
 *
 * @param home    the PraaS checkout (its modules' {@code target/} folders hold the jars)
 * @param out     where CSV files, charts and the report go
 * @param quick   a smoke run (under two minutes) instead of a full one
 * @param docs    when not null, the report and charts are also published there ({@code docs/})
 * @param only    ids of the experiments to run ({@code codec} for JMH); empty runs them all
 * @param command the command line, for the report
 */
public record BenchSuite(Path home, Path out, boolean quick, Path docs, Set<String> only, String command) {

    /** Every experiment id, in the order they run. */
    public static final List<String> EXPERIMENTS = List.of("codec", "latency", "faas", "provisioning", "throughput",
            "density");

    public Results run() {
        Instant started = Instant.now();
        RunMode mode = new RunMode(quick);
        Results results = new Results(out);
        clean(out.resolve("stack"));
        Map<Integer, Double> decode = Map.of();
        if (selected("codec")) {
            log("JMH: snapshot codec");
            decode = new CodecMicrobenchmarks(mode).run(results);
        }
        List<Experiment> experiments = Stream.<Experiment>of(new InvocationLatency(mode), new StatefulVsFaas(mode),
                new Provisioning(mode, decode), new Throughput(mode), new Density(mode))
                .filter(experiment -> selected(experiment.id())).toList();
        if (!experiments.isEmpty()) {
            log("starting the stack and its floors (logs in " + out.resolve("stack/logs") + ")");
            try (BenchEnvironment env = BenchEnvironment.start(home, out.resolve("stack"), List.of())) {
                log("warming up every path");
                env.warmUp(mode.warmUpPerPath());
                for (Experiment experiment : experiments) {
                    log(experiment.title());
                    experiment.run(env, results);
                }
            }
        }
        results.writeSummary();
        MarkdownReport report = new MarkdownReport(results,
                Machine.describe(mode, command, Duration.between(started, Instant.now())));
        report.write(out.resolve("benchmarks.md"), "charts/");
        if (docs != null) {
            report.write(docs.resolve("benchmarks.md"), "benchmarks/");
            copyCharts(results.chartDirectory(), docs.resolve("benchmarks"));
        }
        return results;
    }

    private boolean selected(String id) {
        return only.isEmpty() || only.contains(id);
    }

    private static void copyCharts(Path from, Path to) {
        try (Stream<Path> charts = Files.list(from)) {
            Files.createDirectories(to);
            for (Path chart : charts.toList()) {
                Files.copy(chart, to.resolve(chart.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the charts to " + to, e);
        }
    }

    /** A previous run's stack (Redis data, logs) must not leak into this one's measurements. */
    private static void clean(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory, e);
        }
    }

    private static void log(String message) {
        System.out.println("[bench " + LocalTime.now().withNano(0) + "] " + message);
    }
}
