package io.praas.bench;

import io.praas.bench.experiment.RunMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The report's header: what ran where, and how long it took. */
final class Machine {

    private Machine() {
    }

    static List<String> describe(RunMode mode, String command, Duration took) {
        return List.of(
                "Date: " + LocalDate.now() + "; mode: " + mode.label() + "; took " + took.toMinutes() + " min "
                        + took.toSecondsPart() + " s",
                "Command: `" + command + "`",
                "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel().orElse("unknown model")
                        + "), " + memory().orElse("unknown memory") + ", " + System.getProperty("os.name") + " "
                        + System.getProperty("os.version"),
                "JDK: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version") + " (every JVM: default options, default GC)",
                "Everything on loopback; the load driver shares the machine with every service it measures.");
    }

    private static Optional<String> cpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim());
    }

    private static Optional<String> memory() {
        return procLine("/proc/meminfo", "MemTotal").map(line -> {
            long kib = Long.parseLong(line.replaceAll("\\D", ""));
            return String.format("%.1f GiB RAM", kib / 1024.0 / 1024.0);
        });
    }

    private static Optional<String> procLine(String file, String prefix) {
        try (var lines = Files.lines(Path.of(file))) {
            return lines.filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
