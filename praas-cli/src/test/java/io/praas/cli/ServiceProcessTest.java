package io.praas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes (a shell) that fail while starting, as a service of the local stack might. */
class ServiceProcessTest {

    @TempDir
    Path logs;

    @Test
    void serviceThatExitsWhileStartingIsReportedWithTheLastLinesOfItsLog() {
        Path log = logs.resolve("state-service.log");
        ServiceProcess process = ServiceProcess.start("state-service",
                List.of("sh", "-c", "i=1; while [ $i -le 5000 ]; do echo \"line $i\"; i=$((i+1)); done; exit 3"), log);

        assertThatThrownBy(() -> process.awaitHealthy(closedPort(), Instant.now().plusSeconds(60)))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("state-service exited with code 3 while starting; see " + log)
                .hasMessageContaining("line 4971\nline 4972")
                .hasMessageEndingWith("line 5000")
                .hasMessageNotContaining("line 4970\n");
    }

    @Test
    void serviceWithALogOfItsOwnIsReportedWithThatLogAndWhatItPrinted() {
        Path log = logs.resolve("gateway-service.log");
        Path output = logs.resolve("gateway-service.out");
        ServiceProcess process = ServiceProcess.start("gateway-service", List.of("sh", "-c",
                "echo 'APPLICATION FAILED TO START' > '" + log + "'; echo 'Error: Unable to access jarfile'; exit 1"),
                output, log);

        assertThatThrownBy(() -> process.awaitHealthy(closedPort(), Instant.now().plusSeconds(60)))
                .hasMessageContaining("see " + log)
                .hasMessageContaining("--- last lines of gateway-service.log ---\nAPPLICATION FAILED TO START")
                .hasMessageContaining("--- last lines of gateway-service.out ---\nError: Unable to access jarfile");
        assertThat(log).content().doesNotContain("jarfile");
    }

    /** A loopback address nothing listens on. */
    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/actuator/health");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
