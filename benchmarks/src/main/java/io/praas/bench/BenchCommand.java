package io.praas.bench;

import io.praas.bench.report.Results;
import io.praas.bench.report.SummaryRow;
import io.praas.bench.report.TargetCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code ./praas bench}: runs the suite and prints the headline figures and where each target stands. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Runs the PraaS benchmark suite on this machine: starts the stack and its floors, measures, and "
                + "writes CSV files, PNG charts, summary.csv and benchmarks.md.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "A smoke run under two minutes (few samples; numbers are rough).")
    boolean quick;

    @Option(names = "--out", defaultValue = "target/bench", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--home", defaultValue = ".", description = "The PraaS checkout (default: current directory).")
    Path home;

    @Option(names = "--only", split = ",", paramLabel = "ID",
            description = "Run only these experiments: codec, latency, faas, provisioning, throughput, density.")
    Set<String> only = new LinkedHashSet<>();

    @Option(names = "--publish", description = "Also write the report to docs/benchmarks.md and the charts to docs/benchmarks/.")
    boolean publish;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() {
        Path checkout = home.toAbsolutePath().normalize();
        if (!BenchSuite.EXPERIMENTS.containsAll(only)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "unknown experiment in --only " + only + "; known: " + BenchSuite.EXPERIMENTS);
        }
        if (publish && (quick || !only.isEmpty())) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--publish writes docs/benchmarks.md: only a full run of every experiment may do that");
        }
        String command = "./praas bench" + (quick ? " --quick" : "") + (only.isEmpty() ? "" : " --only " + String.join(",", only))
                + (publish ? " --publish" : "");
        Results results = new BenchSuite(checkout, checkout.resolve(out).normalize(), quick,
                publish ? checkout.resolve("docs") : null, only, command).run();
        print(results);
        return 0;
    }

    private static void print(Results results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-44s %-10s %12s %12s %8s%n", "figure", "unit", "value", "floor", "ratio");
        for (SummaryRow row : results.summary()) {
            System.out.printf(Locale.ROOT, "%-44s %-10s %12.1f %12s %8s%n", row.name(), row.unit(), row.value(),
                    row.floor() == null ? "" : String.format(Locale.ROOT, "%.1f", row.floor()),
                    row.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", row.ratio()));
        }
        System.out.println();
        for (TargetCheck check : results.targets()) {
            System.out.printf("%-4s %s (%s): %s%n", check.met() ? "met" : "MISS", check.figure(), check.target(),
                    check.measured());
        }
        System.out.println();
        System.out.println("Report: " + results.out().resolve("benchmarks.md") + "  CSV and charts: " + results.out());
    }
}
