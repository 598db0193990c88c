package io.praas.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the local stack. What it prints goes to its output file; a service that writes a log of its
 * own names that file as its log (else the output file is the log).
 */
final class ServiceProcess {

    private static final int TAIL_LINES = 30;

    /** Enough of a file's end for {@link #TAIL_LINES} lines of a Spring log. */
    private static final int TAIL_BYTES = 16 * 1024;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path output;
    private final Path log;

    private ServiceProcess(String name, Process process, Path output, Path log) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.log = log;
    }

    /** Starts a process whose output is its log. */
    static ServiceProcess start(String name, List<String> command, Path log) {
        return start(name, command, log, log);
    }

    static ServiceProcess start(String name, List<String> command, Path output, Path log) {
        try {
            Files.createDirectories(output.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .start();
            return new ServiceProcess(name, process, output, log);
        } catch (IOException e) {
            throw new StackException("could not start " + name + " (" + String.join(" ", command) + "): " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code healthUrl} answers 200, failing early if the process dies. */
    void awaitHealthy(URI healthUrl, Instant deadline) {
        HttpRequest request = HttpRequest.newBuilder(healthUrl).timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackException(name + " exited with code " + process.exitValue() + " while starting; see " + log
                        + tail());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + name);
            }
            pause();
        }
        throw new StackException(name + " did not become healthy at " + healthUrl + " in time; see " + log + tail());
    }

    /** Asks the process to stop (SIGTERM), waits for it, and kills it if it does not stop in time. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the log, and of the output when it is another file (a JVM that fails early prints there). */
    private String tail() {
        StringBuilder tail = new StringBuilder();
        for (Path file : output.equals(log) ? List.of(log) : List.of(log, output)) {
            List<String> lines = lastLines(file);
            if (!lines.isEmpty()) {
                tail.append("\n--- last lines of ").append(file.getFileName()).append(" ---\n").append(String.join("\n", lines));
            }
        }
        return tail.toString();
    }

    private static List<String> lastLines(Path path) {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] end = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(end);
            List<String> lines = new String(end, StandardCharsets.UTF_8).lines().toList();
            // the first line read is most likely cut off
            List<String> whole = start > 0 && !lines.isEmpty() ? lines.subList(1, lines.size()) : lines;
            return whole.subList(Math.max(0, whole.size() - TAIL_LINES), whole.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Polling interval while waiting for a child to come up. */
    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
