package io.praas.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * Runs {@code ./praas bench --quick} for real — JMH, the stack on Redis, the floors, every
 * experiment — and checks that it completes and writes sane, non-empty output. It checks no speed:
 * CI machines are shared and noisy.
 */
class QuickBenchmarkRunTest {

    private static final List<String> HEADLINES = List.of("snapshot_decode_1MiB", "floor_echo_p50_10B",
            "floor_bare_gateway_p50_10B", "invoke_gateway_p50_10B", "invoke_bare_gateway_to_manager_p50_10B",
            "invoke_direct_p50_10B", "invoke_local_p50_10B",
            "stateful_vs_faas_speedup_1MiB", "cold_allocation_p50_direct", "swap_out_p50_1MiB", "resume_p50_1MiB",
            "throughput_gateway_max", "throughput_direct_max", "throughput_bare_gateway_max",
            "density_idle_processes_per_GiB");
    private static final List<String> EXPERIMENTS = List.of("snapshot_codec_jmh", "invocation_latency",
            "stateful_vs_faas", "cold_allocation", "swap_resume", "throughput", "density");

    private static Path out;

    @BeforeAll
    static void runQuickSuite() throws IOException {
        Path home = Path.of(System.getProperty("praas.home", "..")).toAbsolutePath().normalize();
        Files.createDirectories(home.resolve("benchmarks/target"));
        out = Files.createTempDirectory(home.resolve("benchmarks/target"), "bench-quick-");
        new BenchSuite(home, out, true, null, Set.of(), "./praas bench --quick").run();
    }

    @Test
    void summaryHasEveryHeadlineFigureWithAPositiveValueAndItsRatioToTheFloor() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(lines.getFirst()).isEqualTo("name,unit,value,floor,ratio");
        Map<String, String[]> rows = lines.stream().skip(1).map(line -> line.split(",", -1))
                .collect(Collectors.toMap(cells -> cells[0], Function.identity()));
        assertThat(rows).containsKeys(HEADLINES.toArray(String[]::new));
        for (String[] row : rows.values()) {
            assertThat(row).as(String.join(",", row)).hasSize(5);
            assertThat(Double.parseDouble(row[2])).as(row[0]).isFinite();
            if (!row[3].isEmpty()) {
                assertThat(Double.parseDouble(row[3])).as(row[0] + " floor").isPositive();
                assertThat(Double.parseDouble(row[4])).as(row[0] + " ratio")
                        .isCloseTo(Double.parseDouble(row[2]) / Double.parseDouble(row[3]), withPercentage(1));
            }
        }
        HEADLINES.forEach(name -> assertThat(Double.parseDouble(rows.get(name)[2])).as(name).isPositive());
    }

    @Test
    void everyExperimentWritesACsvWithMeasuredRows() throws IOException {
        for (String experiment : EXPERIMENTS) {
            List<String> lines = Files.readAllLines(out.resolve(experiment + ".csv"));
            assertThat(lines).as(experiment).hasSizeGreaterThan(1);
            int columns = lines.getFirst().split(",").length;
            lines.forEach(line -> assertThat(line.split(",", -1)).as(experiment + ": " + line).hasSize(columns));
        }
    }

    @Test
    void chartsArePngImages() throws IOException {
        for (String chart : List.of("invocation-latency.png", "stateful-vs-faas.png", "swap-resume.png", "throughput.png")) {
            byte[] png = Files.readAllBytes(out.resolve("charts").resolve(chart));
            assertThat(Arrays.copyOf(png, 8)).as(chart)
                    .isEqualTo(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            assertThat(png.length).as(chart).isGreaterThan(10_000);
        }
    }

    @Test
    void reportShowsTheMachineEveryTargetAndEveryExperimentWithItsCharts() throws IOException {
        String report = Files.readString(out.resolve("benchmarks.md"));
        assertThat(report).contains("JDK: ", "Machine: ", "## Targets", "stateful vs FaaS, 1 MiB of state",
                "idle live processes per GiB of manager heap", "## Floors and invocation latency",
                "## Stateful process vs FaaS", "## Throughput", "## Density", "## Snapshot codec (JMH)",
                "](charts/throughput.png)");
    }
}
