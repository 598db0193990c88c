package io.praas.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.praas.cli.LocalStack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Where the local stack's services write: one rolling log file each, nothing of it on the console. */
@ExtendWith(StackExtension.class)
class LocalStackLogsEndToEndTest {

    private static final List<String> SERVICES = List.of("state-service", "process-manager-service", "gateway-service");

    @Test
    void everyServiceLogsToItsOwnFileAndNotToItsConsoleOutput(LocalStack stack) {
        for (String service : SERVICES) {
            Path log = stack.logDirectory().resolve(service + ".log");
            Path output = stack.logDirectory().resolve(service + ".out");
            assertThat(log).as(service).content().containsPattern("Started \\w+Application");
            assertThat(output).as(service).content().doesNotContain("Started ").doesNotContain(" INFO ");
        }
    }
}
