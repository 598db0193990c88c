package io.praas.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole PraaS stack on one machine, each part its own process: Redis, the state service, a
 * process manager and the gateway. Used by {@code praas up} and by the end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration REDIS_START_TIMEOUT = Duration.ofSeconds(30);

    private static final int FIRST_FREE_PORT = 20_000;
    private static final int LAST_FREE_PORT = 32_767;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** Size at which a service's log rolls over to a compressed archive. */
    private static final String LOG_FILE_SIZE = "10MB";

    /** Most a service's archived logs may take together; the oldest go first. */
    private static final String LOG_SIZE_CAP = "100MB";

    private final StackConfig config;
    private ServiceProcess redis;
    private ServiceProcess stateService;
    private ServiceProcess manager;
    private ServiceProcess gateway;

    public LocalStack(StackConfig config) {
        this.config = config;
    }

    /**
     * A free TCP port on the loopback interface, for tests that run stacks side by side. Drawn below the kernel's
     * usual range of ephemeral ports (32768–60999 on Linux): a port the kernel hands out for port 0 comes from that
     * range, where any outgoing connection may take it as its local port before the service binds it (a state
     * service once failed to start in CI with "Port already in use" that way). Never the same port twice per JVM.
     */
    public static int freePort() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = random.nextInt(FIRST_FREE_PORT, LAST_FREE_PORT + 1);
            if (!HANDED_OUT.contains(port) && canBind(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new StackException("no free port between " + FIRST_FREE_PORT + " and " + LAST_FREE_PORT);
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public synchronized void start() {
        requireFree(config.redisPort(), "Redis", "--redis-port");
        requireFree(config.statePort(), "the state service", "--state-port");
        requireFree(config.managerPort(), "the process manager", "--manager-port");
        requireFree(config.gatewayPort(), "the gateway", "--gateway-port");
        try {
            Files.createDirectories(config.workDirectory().resolve("redis"));
        } catch (IOException e) {
            throw new StackException("cannot create " + config.workDirectory() + ": " + e.getMessage(), e);
        }
        // known to close() before waiting for it, so that a Redis which never answers is stopped too
        redis = startRedis();
        awaitRedis(redis, config.redisPort(), REDIS_START_TIMEOUT);
        stateService = startStateService();
        startManager();
        gateway = startService("gateway-service", config.gatewayPort(), List.of(
                "--spring.cloud.discovery.client.simple.instances.process-manager[0].uri=" + managerUrl()));
        Instant deadline = Instant.now().plus(config.startTimeout());
        stateService.awaitHealthy(health(config.statePort()), deadline);
        manager.awaitHealthy(health(config.managerPort()), deadline);
        gateway.awaitHealthy(health(config.gatewayPort()), deadline);
    }

    /** Fails before starting anything if a port is taken: a health check would otherwise reach the wrong server. */
    private static void requireFree(int port, String what, String option) {
        if (!canBind(port)) {
            throw new StackException("port " + port + " for " + what + " is already in use (another PraaS stack?); "
                    + "stop what uses it or choose another port with " + option);
        }
    }

    /** Starts the process manager (again, after {@link #stopManager} or {@link #killManager}) and waits until it is healthy. */
    public synchronized void restartManager() {
        startManager();
        manager.awaitHealthy(health(config.managerPort()), Instant.now().plus(config.startTimeout()));
    }

    /** Stops the process manager gracefully (SIGTERM): it swaps every live process out before exiting. */
    public synchronized void stopManager() {
        manager.stop(STOP_GRACE);
    }

    /** Kills the process manager (SIGKILL), as a crash would: nothing is swapped out. */
    public synchronized void killManager() {
        manager.kill();
    }

    /** Stops the state service (SIGTERM), as an outage of it would look to the managers. */
    public synchronized void stopStateService() {
        stateService.stop(STOP_GRACE);
    }

    /** Starts the state service again after {@link #stopStateService} and waits until it is healthy. */
    public synchronized void restartStateService() {
        stateService = startStateService();
        stateService.awaitHealthy(health(config.statePort()), Instant.now().plus(config.startTimeout()));
    }

    /** Deploys a sample app from {@code sample-apps/NAME/target} under its own name. */
    public String deploySample(String name) {
        Path jar = sampleJar(name);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl() + "/v1/apps/" + name))
                    .header("Content-Type", "application/java-archive")
                    .PUT(HttpRequest.BodyPublishers.ofFile(jar))
                    .build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new StackException("deploying " + jar + " answered " + response.statusCode() + ": " + response.body());
            }
            return name + " (" + jar.getFileName() + ")";
        } catch (IOException e) {
            throw new StackException("could not deploy " + jar + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while deploying " + name);
        }
    }

    /** The jar of a sample app, built by Maven into its module's {@code target/}. */
    public Path sampleJar(String name) {
        return jar(config.home().resolve("sample-apps").resolve(name), name);
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + config.gatewayPort();
    }

    public String managerUrl() {
        return "http://127.0.0.1:" + config.managerPort();
    }

    public String stateServiceUrl() {
        return "http://127.0.0.1:" + config.statePort();
    }

    public int redisPort() {
        return config.redisPort();
    }

    /** Process ids of the running parts, by name ({@code redis}, {@code state-service}, …), to measure their CPU and memory. */
    public synchronized Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (ServiceProcess service : new ServiceProcess[]{redis, stateService, manager, gateway}) {
            if (service != null && service.isAlive()) {
                pids.put(service.name(), service.pid());
            }
        }
        return pids;
    }

    public Path logDirectory() {
        return config.workDirectory().resolve("logs");
    }

    /** Stops every part in reverse order; the manager drains first. Safe to call twice. */
    @Override
    public synchronized void close() {
        for (ServiceProcess service : new ServiceProcess[]{gateway, manager, stateService, redis}) {
            if (service != null) {
                service.stop(STOP_GRACE);
            }
        }
    }

    private ServiceProcess startStateService() {
        return startService("state-service", config.statePort(), List.of(
                "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + config.redisPort()));
    }

    private void startManager() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("praas.manager.state-service-url", stateServiceUrl());
        properties.put("praas.manager.snapshot-redis-url", "redis://127.0.0.1:" + config.redisPort());
        // the stack's own settings above can be overridden, each once (a repeated argument would be a list)
        properties.putAll(config.managerProperties());
        List<String> arguments = new ArrayList<>();
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        manager = startService("process-manager-service", config.managerPort(), arguments);
    }

    private ServiceProcess startRedis() {
        Path binary = RedisBinary.find();
        Path data = config.workDirectory().resolve("redis");
        return ServiceProcess.start("redis", List.of(binary.toString(),
                "--port", String.valueOf(config.redisPort()), "--bind", "127.0.0.1", "--dir", data.toString(),
                "--appendonly", "yes", "--save", "", "--protected-mode", "yes"), logDirectory().resolve("redis.log"));
    }

    /**
     * Waits until Redis answers {@code PING}, failing if it exits or stays silent for {@code timeout}. While it answers
     * that it is still loading its data, it is given as long as that takes: a large data set (a local stack's
     * {@code .praas/redis} after heavy use) can take minutes.
     */
    static void awaitRedis(ServiceProcess process, int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        boolean loadingReported = false;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackException("redis-server exited while starting; see " + process.log());
            }
            String reply = ping(port);
            if (reply != null && reply.startsWith("+")) {
                return;
            }
            if (reply != null && reply.startsWith("-LOADING")) {
                if (!loadingReported) {
                    System.out.println("Redis is loading its data set; waiting until it has (see " + process.log() + ")");
                    loadingReported = true;
                }
                deadline = Instant.now().plus(timeout);
            }
            ServiceProcess.pause();
        }
        throw new StackException("redis-server did not answer PING on port " + port + "; see " + process.log());
    }

    /** The first line of Redis' answer to {@code PING}, or null when nothing answers yet. */
    private static String ping(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (IOException notYet) {
            return null;
        }
    }

    private ServiceProcess startService(String module, int port, List<String> arguments) {
        Path jar = runnableCopy(jar(config.home().resolve(module), module));
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(config.jvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        Path log = logDirectory().resolve(module + ".log");
        command.addAll(rollingLog(log));
        command.addAll(arguments);
        return ServiceProcess.start(module, command, logDirectory().resolve(module + ".out"), log);
    }

    /**
     * A service logs to its own file, rolled over by size and kept within a bound: a stack left running (or
     * started day after day) would otherwise grow one log without end. The console gets nothing from the
     * logging system; what a JVM prints outside it (a crash before logging starts) lands in the output file.
     */
    private static List<String> rollingLog(Path log) {
        return List.of("--logging.file.name=" + log, "--logging.threshold.console=OFF",
                "--logging.logback.rollingpolicy.max-file-size=" + LOG_FILE_SIZE,
                "--logging.logback.rollingpolicy.total-size-cap=" + LOG_SIZE_CAP);
    }

    /**
     * A copy of the jar for the running service, so that rebuilding the project while the stack
     * runs cannot pull classes out from under a live JVM.
     */
    private Path runnableCopy(Path jar) {
        try {
            Path copy = config.workDirectory().resolve("jars").resolve(jar.getFileName());
            Files.createDirectories(copy.getParent());
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new StackException("cannot copy " + jar + " to " + config.workDirectory() + ": " + e.getMessage(), e);
        }
    }

    private static URI health(int port) {
        return URI.create("http://127.0.0.1:" + port + "/actuator/health");
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The runnable jar of a module: its {@code -exec} jar when it has one (a plain jar beside it is a library). */
    private static Path jar(Path module, String artifact) {
        Path target = module.resolve("target");
        Path plain = null;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, artifact + "-*.jar")) {
            for (Path jar : jars) {
                String file = jar.getFileName().toString();
                if (file.endsWith("-exec.jar")) {
                    return jar;
                }
                if (!file.endsWith("-sources.jar") && !file.endsWith("-javadoc.jar")) {
                    plain = jar;
                }
            }
        } catch (IOException e) {
            // Reported below.
        }
        if (plain == null) {
            throw new StackException("no " + artifact + " jar in " + target + ": build first with ./mvnw -DskipTests package");
        }
        return plain;
    }
}
