package io.praas.state;

import com.redis.testcontainers.RedisContainer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.testcontainers.DockerClientFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * One real Redis per test JVM: a Testcontainers Redis when a Docker daemon answers, otherwise a
 * {@code redis-server} process (from the PATH, else the binary shipped in embedded-redis).
 * When none starts, class initialisation fails and every test using it fails with the cause.
 */
public final class TestRedis {

    private static final Endpoint ENDPOINT = start();

    private TestRedis() {
    }

    public static String host() {
        return ENDPOINT.host();
    }

    public static int port() {
        return ENDPOINT.port();
    }

    private static Endpoint start() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? startContainer() : startProcess();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("No Redis could be started for the tests "
                    + "(tried Docker, then redis-server from the PATH, then embedded-redis)", e);
        }
    }

    private static Endpoint startContainer() {
        RedisContainer container =
                new RedisContainer(RedisContainer.DEFAULT_IMAGE_NAME.withTag(RedisContainer.DEFAULT_TAG));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "redis-container-stop"));
        return new Endpoint(container.getRedisHost(), container.getRedisPort());
    }

    private static Endpoint startProcess() throws IOException {
        int port = freePort();
        RedisServer server = RedisServer.newRedisServer()
                .executableProvider(executable())
                .bind("127.0.0.1")
                .port(port)
                // Tests need no persistence, and must leave no dump files behind.
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "redis-server-stop"));
        return new Endpoint("127.0.0.1", port);
    }

    private static ExecutableProvider executable() {
        try {
            return ExecutableProvider.newExecutableInPath("redis-server");
        } catch (FileNotFoundException notOnPath) {
            return ExecutableProvider.newJarResourceProvider();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stop(RedisServer server) {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Endpoint(String host, int port) {
    }
}
