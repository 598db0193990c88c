package io.praas.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The one Spring context of the test suite: the whole service on a random port, backed by the
 * real Redis of {@link TestRedis}, driven over HTTP. Tests isolate themselves by unique names.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"praas.state.max-snapshot-size=8MB", "praas.state.max-bundle-size=1MB"})
public abstract class StateServiceTest {

    protected static final long MAX_SNAPSHOT_BYTES = 8L * 1024 * 1024;
    protected static final long MAX_BUNDLE_BYTES = 1024L * 1024;

    @LocalServerPort
    protected int port;

    protected RestTestClient http;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", TestRedis::host);
        registry.add("spring.data.redis.port", TestRedis::port);
    }

    @BeforeEach
    void client() {
        http = RestTestClient.bindToServer(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .build();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected RestTestClient.ResponseSpec activation(String app, String session, String owner, String ttl) {
        return http.post().uri("/v1/sessions/{app}/{session}/activation", app, session)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("owner", owner, "ttl", ttl))
                .exchange();
    }

    /** Activates with a 30 s lease and answers the granted epoch. */
    protected long activate(String app, String session, String owner) {
        String epoch = activation(app, session, owner, "PT30S")
                .expectStatus().is2xxSuccessful()
                .returnResult().getResponseHeaders().getFirst("Praas-Epoch");
        assertThat(epoch).isNotNull();
        return Long.parseLong(epoch);
    }

    protected RestTestClient.ResponseSpec putSnapshot(String app, String session, long epoch, byte[] data) {
        return http.put().uri("/v1/sessions/{app}/{session}/snapshot?epoch={epoch}", app, session, epoch)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(data)
                .exchange();
    }

    protected RestTestClient.ResponseSpec release(String app, String session, long epoch) {
        return http.delete().uri("/v1/sessions/{app}/{session}/lease?epoch={epoch}", app, session, epoch).exchange();
    }

    /** Asserts an RFC 9457 problem with our type URI, a detail, and the request path as instance. */
    protected RestTestClient.BodyContentSpec expectProblem(
            RestTestClient.ResponseSpec response, int status, String slug, String instance) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://praas.io/problems/" + slug)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isEqualTo(instance);
    }

    /** A bad request must not leave the service unable to serve the next good one. */
    protected void assertStillServes() {
        activation(unique("app"), unique("session"), "manager-ok", "PT30S")
                .expectStatus().isNoContent()
                .expectHeader().valueEquals("Praas-Epoch", "1");
    }
}
