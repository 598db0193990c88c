package io.praas.manager.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.praas.manager.ManagerProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.web.client.RestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a manager asks for a session's snapshot, against a real HTTP server standing in for the state service (it
 * answers by reference when asked to) and, where one is configured, a Redis that cannot be reached (a closed port).
 * Reads from a reachable Redis are covered end to end: the local stack's manager reads every resumed snapshot so.
 */
class SnapshotByReferenceTest {

    private static final byte[] SNAPSHOT = "the stored snapshot".getBytes(StandardCharsets.UTF_8);

    private final List<String> activationBodies = new CopyOnWriteArrayList<>();
    private final DisposableServer stateService = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes
                    .post("/v1/sessions/shop/cart/activation", (request, response) -> request.receive().aggregate()
                            .asString().flatMap(body -> {
                                activationBodies.add(body);
                                response.status(200)
                                        .header("Praas-Epoch", "4")
                                        .header("Praas-Lease-Expires", "2030-01-01T00:00:00Z");
                                if (body.contains("\"snapshot\":\"reference\"")) {
                                    return response.header("Praas-Snapshot-Key", "praas:s:{shop/cart}:data")
                                            .header("Praas-Snapshot-Version", "7f3a").send().then();
                                }
                                return response.header("Content-Type", "application/octet-stream")
                                        .sendByteArray(Mono.just(SNAPSHOT)).then();
                            }))
                    .get("/v1/sessions/shop/cart/snapshot", (request, response) -> response.status(200)
                            .header("Praas-Epoch", "4")
                            .header("Content-Type", "application/octet-stream")
                            .sendByteArray(Mono.just(SNAPSHOT))))
            .bindNow();

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private StateServiceClient client;

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        stateService.disposeNow(Duration.ofSeconds(5));
    }

    @Test
    void snapshotNamedByTheActivationIsReadThroughTheStateServiceWhenRedisCannotBeReached() {
        client = client("redis://127.0.0.1:" + closedPort());

        Activation activation = client.activate("shop", "cart", "manager-1/a", Duration.ofSeconds(30));

        assertThat(activation.epoch()).isEqualTo(4);
        assertThat(activation.snapshot()).isEqualTo(SNAPSHOT);
        assertThat(activationBodies).singleElement().asString().contains("\"snapshot\":\"reference\"");
        // the read ahead of the activation failed too, and is counted as unused
        assertThat(metrics.get("praas.snapshot.prefetches").tag("outcome", "unused").counter().count()).isEqualTo(1);
        assertThat(metrics.get("praas.snapshot.prefetches").tag("outcome", "used").counter().count()).isZero();
    }

    @Test
    void managerWithoutASnapshotRedisAsksForTheSnapshotInline() {
        client = client(null);

        Activation activation = client.activate("shop", "cart", "manager-1/a", Duration.ofSeconds(30));

        assertThat(activation.snapshot()).isEqualTo(SNAPSHOT);
        assertThat(activationBodies).singleElement().asString().doesNotContain("snapshot");
    }

    private StateServiceClient client(String snapshotRedisUrl) {
        Map<String, String> settings = new HashMap<>();
        settings.put("praas.manager.state-service-url", "http://127.0.0.1:" + stateService.port());
        settings.put("praas.manager.state-service-timeout", "2s");
        if (snapshotRedisUrl != null) {
            settings.put("praas.manager.snapshot-redis-url", snapshotRedisUrl);
        }
        ManagerProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("praas.manager", ManagerProperties.class);
        return new StateServiceClient(RestClient.builder(), properties, JsonMapper.builder().build(), metrics);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
