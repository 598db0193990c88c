package io.praas.it;

import io.praas.cli.LocalStack;
import io.praas.cli.StackConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Starts the real stack once for all end-to-end tests — Redis (a real redis-server), the state
 * service, a process manager and the gateway, each its own JVM or process on free loopback ports —
 * and stops it when the test run ends.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

    /** Short lease so that a killed manager's sessions become free again within a test. */
    static final Duration LEASE_TTL = Duration.ofSeconds(3);

    /** Pending invocations per process before the manager answers 429. */
    static final int MAX_QUEUED = 32;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalStack.class || type == PraasClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalStack stack = stack(context);
        return parameter.getParameter().getType() == LocalStack.class ? stack : new PraasClient(stack);
    }

    private static LocalStack stack(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(StartedStack.class, key -> new StartedStack(), StartedStack.class).stack;
    }

    private static final class StartedStack implements ExtensionContext.Store.CloseableResource {

        private final LocalStack stack;

        StartedStack() {
            Path home = Path.of(System.getProperty("praas.home", "..")).toAbsolutePath().normalize();
            StackConfig config = StackConfig.defaults(home)
                    .withWorkDirectory(workDirectory(home))
                    .withPorts(LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort())
                    .withJvmOptions(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m"))
                    .withManagerProperties(Map.of(
                            "praas.manager.lease-ttl", LEASE_TTL.toMillis() + "ms",
                            "praas.manager.lease-renew-interval", "500ms",
                            "praas.manager.idle-check-interval", "100ms",
                            "praas.manager.max-payload-size", "8MB",
                            "praas.manager.max-bundle-size", "4MB",
                            "praas.manager.max-queued-invocations", String.valueOf(MAX_QUEUED),
                            "praas.manager.define-timeout", "2s",
                            // One test exhausts the manager's heap on purpose; until a full collection
                            // clears that garbage, any lower threshold would swap out other tests' processes.
                            "praas.manager.memory-pressure-threshold", "0.99"));
            this.stack = new LocalStack(config);
            try {
                stack.start();
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
        }

        private static Path workDirectory(Path home) {
            try {
                Files.createDirectories(home.resolve("integration-tests/target"));
                return Files.createTempDirectory(home.resolve("integration-tests/target"), "stack-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
