package io.praas.bench.env;

import io.praas.bench.driver.HttpDriver;
import io.praas.bench.driver.RedisDriver;
import io.praas.bench.floor.EchoServer;
import io.praas.bench.floor.gateway.BareGatewayApplication;
import io.praas.cli.LocalStack;
import io.praas.cli.StackConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measures, on loopback: the PraaS stack with the benchmark app deployed, and its
 * floors — a Reactor Netty echo server and a bare Spring Cloud Gateway route to it, each in its
 * own JVM with the same options as the services. The bare gateway also routes invoke paths to the
 * manager, plainly, so a call's time through our gateway can be split into the gateway's and the manager's.
 */
public final class BenchEnvironment implements AutoCloseable {

    /** The app name the benchmark bundle is deployed under. */
    public static final String APP = "benchmark-app";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final LocalStack stack;
    private final ChildJvm echo;
    private final ChildJvm bareGateway;
    private final int echoPort;
    private final int bareGatewayPort;
    private final HttpDriver http;
    private final RedisDriver redis;

    private BenchEnvironment(Path home, Path workDirectory, List<String> jvmOptions) {
        try {
            stack = new LocalStack(StackConfig.defaults(home)
                    .withWorkDirectory(workDirectory)
                    .withPorts(LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort(), LocalStack.freePort())
                    .withJvmOptions(jvmOptions)
                    .withStartTimeout(START_TIMEOUT));
            started.add(stack);
            echoPort = LocalStack.freePort();
            echo = startChild("echo", jvmOptions, EchoServer.class, List.of(String.valueOf(echoPort)), workDirectory);
            bareGatewayPort = LocalStack.freePort();
            // invoke paths go on to the manager (to tell the gateway's share of a call from the manager's), the rest to the echo
            String toManager = "--spring.cloud.gateway.server.webflux.routes[0].";
            String toEcho = "--spring.cloud.gateway.server.webflux.routes[1].";
            bareGateway = startChild("bare-gateway", jvmOptions, BareGatewayApplication.class, List.of(
                    "--server.port=" + bareGatewayPort, "--server.address=127.0.0.1",
                    toManager + "id=manager", toManager + "uri=" + stack.managerUrl(),
                    toManager + "predicates[0]=Path=/v1/**", toManager + "order=0",
                    toEcho + "id=echo", toEcho + "uri=http://127.0.0.1:" + echoPort,
                    toEcho + "predicates[0]=Path=/**", toEcho + "order=1"),
                    workDirectory);
            stack.start();
            echo.awaitListening(echoPort, START_TIMEOUT);
            bareGateway.awaitListening(bareGatewayPort, START_TIMEOUT);
            stack.deploySample(APP);
            http = new HttpDriver();
            started.add(http);
            redis = new RedisDriver("127.0.0.1", stack.redisPort());
            started.add(redis);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static BenchEnvironment start(Path home, Path workDirectory, List<String> jvmOptions) {
        return new BenchEnvironment(home, workDirectory, jvmOptions);
    }

    private ChildJvm startChild(String name, List<String> jvmOptions, Class<?> main, List<String> arguments, Path work) {
        ChildJvm child = ChildJvm.start(name, jvmOptions, main, arguments, work.resolve("logs").resolve(name + ".log"));
        started.add(child);
        return child;
    }

    public HttpDriver http() {
        return http;
    }

    public RedisDriver redis() {
        return redis;
    }

    public String echoUrl() {
        return "http://127.0.0.1:" + echoPort + "/echo";
    }

    public String bareGatewayUrl() {
        return "http://127.0.0.1:" + bareGatewayPort + "/echo";
    }

    /** A function of the benchmark app, called through the bare gateway's plain route to the manager. */
    public String viaBareGateway(String session, String function) {
        return "http://127.0.0.1:" + bareGatewayPort + invokePath(session, function);
    }

    /** A function of the benchmark app, called through the PraaS gateway. */
    public String viaGateway(String session, String function) {
        return stack.gatewayUrl() + invokePath(session, function);
    }

    /** A function of the benchmark app, called directly on its (only) process manager. */
    public String direct(String session, String function) {
        return stack.managerUrl() + invokePath(session, function);
    }

    /** The manager's swap-out call for a session. */
    public String swapDirect(String session) {
        return stack.managerUrl() + "/v1/apps/" + APP + "/processes/" + session + "/swap";
    }

    private static String invokePath(String session, String function) {
        return "/v1/apps/" + APP + "/processes/" + session + "/invoke/" + function;
    }

    /**
     * Runs every HTTP path for a while before anything is measured: until the JIT has compiled the
     * hot paths, the first thousands of requests of each JVM are several times slower.
     */
    public void warmUp(Duration perPath) {
        byte[] payload = new byte[10];
        for (String url : List.of(echoUrl(), bareGatewayUrl(), viaGateway("warm-up", "echo"), direct("warm-up", "echo"),
                viaBareGateway("warm-up", "echo"))) {
            http.throughput(url, "application/octet-stream", payload, 2, perPath);
        }
    }

    /** Process ids of every measured part, by name. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>(stack.pids());
        pids.put("echo", echo.pid());
        pids.put("bare-gateway", bareGateway.pid());
        return pids;
    }

    public long managerPid() {
        return stack.pids().get("process-manager-service");
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop a part of the benchmark environment: " + e.getMessage());
            }
        }
    }
}
