package io.praas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the local stack waits for its Redis: a real child process stands in for redis-server's process, and a socket
 * in the test answers {@code PING} the way Redis does while it loads a large data set, and once it has.
 */
class RedisStartTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path logs;

    private final ServerSocket fakeRedis = listen();
    private ServiceProcess redisProcess;

    @AfterEach
    void stop() throws IOException {
        fakeRedis.close();
        if (redisProcess != null) {
            redisProcess.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void redisStillLoadingItsDataIsWaitedForLongerThanTheStartTimeout() {
        redisProcess = ServiceProcess.start("redis", List.of("sh", "-c", "sleep 60"), logs.resolve("redis.log"));
        // 15 answers 200 ms apart: three seconds of loading against a timeout of half a second
        AtomicInteger pings = answer(ping -> ping <= 15 ? "-LOADING Redis is loading the dataset in memory" : "+PONG");

        assertThatCode(() -> LocalStack.awaitRedis(redisProcess, fakeRedis.getLocalPort(), TIMEOUT))
                .doesNotThrowAnyException();
        assertThat(pings).hasValueGreaterThan(15);
    }

    @Test
    void redisThatAnswersNothingButErrorsFailsTheStartAfterTheTimeout() {
        redisProcess = ServiceProcess.start("redis", List.of("sh", "-c", "sleep 60"), logs.resolve("redis.log"));
        answer(ping -> "-ERR unknown command");

        assertThatThrownBy(() -> LocalStack.awaitRedis(redisProcess, fakeRedis.getLocalPort(), TIMEOUT))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("did not answer PING on port " + fakeRedis.getLocalPort());
    }

    /** Answers each connection's PING with the line {@code reply} gives for its number (from 1); counts them. */
    private AtomicInteger answer(IntFunction<String> reply) {
        AtomicInteger pings = new AtomicInteger();
        Thread.ofVirtual().start(() -> {
            while (!fakeRedis.isClosed()) {
                try (Socket client = fakeRedis.accept()) {
                    client.getInputStream().readNBytes("PING\r\n".length());
                    OutputStream out = client.getOutputStream();
                    out.write((reply.apply(pings.incrementAndGet()) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return pings;
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
