package io.praas.state.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.praas.state.StateServiceTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

/** Every bad request answers a problem detail, and the service keeps serving afterwards. */
class ProblemApiTest extends StateServiceTest {

    private final String app = unique("problems");

    static Stream<String> invalidNames() {
        return Stream.of("-leading-dash", ".leading-dot", "has space", "ümlaut", "semi;colon", "x".repeat(129));
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void invalidSessionNamesAreRejected(String name) {
        expectProblem(activation(app, name, "manager-1", "PT30S"), 400, "invalid-name",
                "/v1/sessions/" + app + "/" + encoded(name) + "/activation")
                .jsonPath("$.name").isEqualTo(name);
        assertStillServes();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_underscore-first", "a+b", "dollar$"})
    void invalidAppNamesAreRejectedOnEveryKindOfEndpoint(String name) {
        expectProblem(http.get().uri("/v1/apps/{app}", name).exchange(), 400, "invalid-name",
                "/v1/apps/" + encoded(name)).jsonPath("$.name").isEqualTo(name);
        expectProblem(putSnapshot(name, "s", 1, new byte[] {1}), 400, "invalid-name",
                "/v1/sessions/" + encoded(name) + "/s/snapshot").jsonPath("$.name").isEqualTo(name);
        expectProblem(http.get().uri("/v1/apps/{app}/sessions", name).exchange(), 400, "invalid-name",
                "/v1/apps/" + encoded(name) + "/sessions");
        assertStillServes();
    }

    @Test
    void longestValidNameIsAccepted() {
        activation(app, "a".repeat(128), "manager-1", "PT30S").expectStatus().isNoContent();
    }

    @Test
    void renewalOfInvalidNameIsRejected() {
        expectProblem(http.post().uri("/v1/leases/renewals").contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("owner", "m", "leases", List.of(
                                Map.of("app", app, "session", "bad name", "epoch", 1))))
                        .exchange(),
                400, "invalid-name", "/v1/leases/renewals").jsonPath("$.name").isEqualTo("bad name");
    }

    @Test
    void malformedJsonIsRejected() {
        String path = "/v1/sessions/" + app + "/s/activation";
        expectProblem(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body("{\"owner\": ").exchange(),
                400, "malformed-body", path)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("Malformed JSON body"));
        assertStillServes();
    }

    @Test
    void missingBodyIsRejected() {
        String path = "/v1/sessions/" + app + "/s/activation";
        expectProblem(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).exchange(),
                400, "malformed-body", path);
        assertStillServes();
    }

    @Test
    void activationWithoutOwnerOrWithNonPositiveTtlIsRejected() {
        String path = "/v1/sessions/" + app + "/s/activation";
        expectProblem(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body("{\"ttl\": \"PT1S\"}")
                        .exchange(), 400, "invalid-request", path)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("owner"));
        expectProblem(http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"owner\": \"m\", \"ttl\": \"PT0S\"}").exchange(), 400, "invalid-request", path)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ttl"));
        assertStillServes();
    }

    @Test
    void oversizedSnapshotIsRejectedAndNothingIsStored() {
        long epoch = activate(app, "big", "manager-1");

        expectProblem(putSnapshot(app, "big", epoch, new byte[(int) MAX_SNAPSHOT_BYTES + 1]), 413,
                "payload-too-large", "/v1/sessions/" + app + "/big/snapshot")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("8388609"));

        http.get().uri("/v1/sessions/{app}/big/snapshot", app).exchange().expectStatus().isNotFound();
        putSnapshot(app, "big", epoch, new byte[(int) MAX_SNAPSHOT_BYTES]).expectStatus().isNoContent();
        assertStillServes();
    }

    @Test
    void oversizedSnapshotWithoutContentLengthIsRejected() throws Exception {
        long epoch = activate(app, "chunked", "manager-1");
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/sessions/" + app + "/chunked/snapshot?epoch=" + epoch))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[(int) MAX_SNAPSHOT_BYTES + 1])))
                .build();

        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("https://praas.io/problems/payload-too-large");
        }
        http.get().uri("/v1/sessions/{app}/chunked/snapshot", app).exchange().expectStatus().isNotFound();
        assertStillServes();
    }

    @Test
    void unknownRouteIsNotFound() {
        expectProblem(http.get().uri("/v1/no-such-thing").exchange(), 404, "not-found", "/v1/no-such-thing");
        expectProblem(http.get().uri("/").exchange(), 404, "not-found", "/");
        assertStillServes();
    }

    @Test
    void wrongMethodIsNotAllowed() {
        String path = "/v1/sessions/" + app + "/s/activation";
        expectProblem(http.method(HttpMethod.GET).uri(path).exchange(), 405, "method-not-allowed", path);
        expectProblem(http.patch().uri("/v1/apps/" + app).exchange(), 405, "method-not-allowed", "/v1/apps/" + app);
        assertStillServes();
    }

    @Test
    void badQueryParametersAreRejected() {
        String snapshot = "/v1/sessions/" + app + "/s/snapshot";
        expectProblem(http.put().uri(snapshot + "?epoch=seven").body(new byte[] {1}).exchange(), 400,
                "invalid-parameter", snapshot)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("seven"));
        expectProblem(http.put().uri(snapshot).body(new byte[] {1}).exchange(), 400, "invalid-parameter", snapshot)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("epoch"));

        String sessions = "/v1/apps/" + app + "/sessions";
        expectProblem(http.get().uri(sessions + "?limit=0").exchange(), 400, "invalid-request", sessions);
        expectProblem(http.get().uri(sessions + "?limit=1001").exchange(), 400, "invalid-request", sessions)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("limit", "1001"));
        expectProblem(http.get().uri(sessions + "?after=-bad").exchange(), 400, "invalid-name", sessions);
        assertStillServes();
    }

    @Test
    void problemIsServedEvenToClientsAcceptingOnlyBytes() {
        expectProblem(http.get().uri("/v1/sessions/{app}/none/snapshot", app)
                        .accept(MediaType.APPLICATION_OCTET_STREAM).exchange(),
                404, "snapshot-not-found", "/v1/sessions/" + app + "/none/snapshot");
    }

    @Test
    void healthIsUpWhileRedisIsReachable() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** As the client's URI template sends it, and so as the instance shows it. */
    private static String encoded(String name) {
        return UriUtils.encode(name, StandardCharsets.UTF_8);
    }
}
