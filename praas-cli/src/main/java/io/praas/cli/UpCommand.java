package io.praas.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code praas up}: starts Redis and every service locally, deploys the sample app, and waits for Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start Redis, the state service, a process manager and the gateway; Ctrl-C stops them all.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--home", description = "The PraaS checkout (default: current directory).", defaultValue = ".")
    Path home;

    @Option(names = "--gateway-port", defaultValue = "8080", description = "Gateway port (default: ${DEFAULT-VALUE}).")
    int gatewayPort;

    @Option(names = "--manager-port", defaultValue = "8081", description = "Process manager port (default: ${DEFAULT-VALUE}).")
    int managerPort;

    @Option(names = "--state-port", defaultValue = "8082", description = "State service port (default: ${DEFAULT-VALUE}).")
    int statePort;

    @Option(names = "--redis-port", defaultValue = "6390", description = "Redis port (default: ${DEFAULT-VALUE}).")
    int redisPort;

    @Option(names = "--no-sample", description = "Do not deploy the sample counter app.")
    boolean noSample;

    @Option(names = "--start-timeout", defaultValue = "PT3M", description = "How long services may take to start (default: ${DEFAULT-VALUE}).")
    Duration startTimeout;

    @Override
    public Integer call() throws Exception {
        Path root = home.toAbsolutePath().normalize();
        StackConfig config = StackConfig.defaults(root)
                .withPorts(redisPort, statePort, managerPort, gatewayPort)
                .withWorkDirectory(root.resolve(".praas"))
                .withStartTimeout(startTimeout);
        LocalStack stack = new LocalStack(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the PraaS stack…");
            stack.close();
            stopped.countDown();
        }, "praas-stop"));
        try {
            stack.start();
            if (!noSample) {
                System.out.println("Deployed sample app: " + stack.deploySample("counter"));
            }
        } catch (StackException e) {
            System.err.println("praas up failed: " + e.getMessage());
            return 1;
        }
        System.out.println();
        System.out.println("PraaS is up. Gateway: " + stack.gatewayUrl());
        System.out.println("Try: curl -X POST " + stack.gatewayUrl() + "/v1/apps/counter/processes/alice/invoke/increment");
        System.out.println("Logs: " + config.workDirectory().resolve("logs") + "   Stop: Ctrl-C");
        stopped.await();
        return 0;
    }
}
