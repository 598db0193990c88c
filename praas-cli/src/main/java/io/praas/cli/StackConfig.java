package io.praas.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack's parts are and how they run.
 *
 * @param home             the PraaS checkout, whose modules' {@code target/} folders hold the jars
 * @param workDirectory    where Redis keeps its data and every service writes its log
 * @param redisPort        Redis port
 * @param statePort        state service port
 * @param managerPort      process manager port
 * @param gatewayPort      gateway port
 * @param jvmOptions       options for every service JVM
 * @param managerProperties extra {@code --key=value} settings for the process manager
 * @param startTimeout     how long the services may take to become healthy
 */
public record StackConfig(Path home, Path workDirectory, int redisPort, int statePort, int managerPort, int gatewayPort,
                          List<String> jvmOptions, Map<String, String> managerProperties, Duration startTimeout) {

    public static StackConfig defaults(Path home) {
        return new StackConfig(home, home.resolve(".praas"), 6390, 8082, 8081, 8080, List.of(), Map.of(),
                Duration.ofMinutes(3));
    }

    public StackConfig withPorts(int redis, int state, int manager, int gateway) {
        return new StackConfig(home, workDirectory, redis, state, manager, gateway, jvmOptions, managerProperties,
                startTimeout);
    }

    public StackConfig withWorkDirectory(Path directory) {
        return new StackConfig(home, directory, redisPort, statePort, managerPort, gatewayPort, jvmOptions,
                managerProperties, startTimeout);
    }

    public StackConfig withJvmOptions(List<String> options) {
        return new StackConfig(home, workDirectory, redisPort, statePort, managerPort, gatewayPort, List.copyOf(options),
                managerProperties, startTimeout);
    }

    public StackConfig withManagerProperties(Map<String, String> properties) {
        return new StackConfig(home, workDirectory, redisPort, statePort, managerPort, gatewayPort, jvmOptions,
                Map.copyOf(properties), startTimeout);
    }

    public StackConfig withStartTimeout(Duration timeout) {
        return new StackConfig(home, workDirectory, redisPort, statePort, managerPort, gatewayPort, jvmOptions,
                managerProperties, timeout);
    }
}
