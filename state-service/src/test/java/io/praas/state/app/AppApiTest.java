package io.praas.state.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.praas.state.StateServiceTest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class AppApiTest extends StateServiceTest {

    private static final MediaType JAVA_ARCHIVE = MediaType.parseMediaType("application/java-archive");

    private final String app = unique("app");

    @Test
    void bundleIsReturnedByteForByte() {
        byte[] jar = new byte[200_000];
        new Random(7).nextBytes(jar);

        http.put().uri("/v1/apps/{app}/bundle", app).contentType(JAVA_ARCHIVE).body(jar).exchange()
                .expectStatus().isNoContent();

        byte[] stored = http.get().uri("/v1/apps/{app}/bundle", app).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(JAVA_ARCHIVE)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(stored).isEqualTo(jar);
    }

    @Test
    void descriptorIsStoredAndReturned() {
        String descriptor = """
                {"name": "%s", "idleTimeout": "PT5M", "durability": "WRITE_THROUGH",
                 "limits": {"stateBytes": 1048576, "functions": ["a", "b"]}}""".formatted(app);

        putDescriptor(app, descriptor).expectStatus().isOk().expectBody().json(descriptor);

        http.get().uri("/v1/apps/{app}", app).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json(descriptor);
    }

    @Test
    void descriptorThatIsNotAJsonObjectIsRejected() {
        expectProblem(putDescriptor(app, "[1, 2]"), 400, "malformed-body", "/v1/apps/" + app);
        http.get().uri("/v1/apps/{app}", app).exchange().expectStatus().isNotFound();
    }

    @Test
    void listingAppsReturnsDescriptorsInNameOrder() {
        String suffix = unique("");
        List<String> names = List.of("zulu" + suffix, "alpha" + suffix, "mike" + suffix);
        names.forEach(name -> putDescriptor(name, "{\"name\": \"" + name + "\"}").expectStatus().isOk());

        List<String> listed = http.get().uri("/v1/apps").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody()
                .stream().map(descriptor -> String.valueOf(descriptor.get("name")))
                .filter(names::contains)
                .toList();

        assertThat(listed).containsExactly("alpha" + suffix, "mike" + suffix, "zulu" + suffix);
    }

    @Test
    void deletingAnAppDeletesItsDescriptorBundleAndSessions() {
        putDescriptor(app, "{\"name\": \"" + app + "\"}").expectStatus().isOk();
        http.put().uri("/v1/apps/{app}/bundle", app).body(new byte[] {1, 2}).exchange().expectStatus().isNoContent();
        for (String session : List.of("s1", "s2", "s3")) {
            long epoch = activate(app, session, "manager-1");
            putSnapshot(app, session, epoch, new byte[] {9}).expectStatus().isNoContent();
        }

        http.delete().uri("/v1/apps/{app}", app).exchange().expectStatus().isNoContent();

        http.get().uri("/v1/apps/{app}", app).exchange().expectStatus().isNotFound();
        http.get().uri("/v1/apps/{app}/bundle", app).exchange().expectStatus().isNotFound();
        http.get().uri("/v1/apps/{app}/sessions", app).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"sessions\": [], \"next\": null}");
        http.get().uri("/v1/sessions/{app}/s1", app).exchange().expectStatus().isNotFound();
        http.get().uri("/v1/sessions/{app}/s2/snapshot", app).exchange().expectStatus().isNotFound();
        http.get().uri("/v1/apps").exchange().expectBody().jsonPath("$[?(@.name == '" + app + "')]").isEmpty();
        assertThat(activate(app, "s3", "manager-2")).as("epochs survive the app").isEqualTo(2);
    }

    @Test
    void unknownAppIsNotFound() {
        String path = "/v1/apps/" + app;
        expectProblem(http.get().uri(path).exchange(), 404, "app-not-found", path);
        expectProblem(http.get().uri(path + "/bundle").exchange(), 404, "app-not-found", path + "/bundle");
        expectProblem(http.delete().uri(path).exchange(), 404, "app-not-found", path);
    }

    @Test
    void bundleAboveTheLimitIsRejected() {
        expectProblem(http.put().uri("/v1/apps/{app}/bundle", app).contentType(JAVA_ARCHIVE)
                        .body(new byte[(int) MAX_BUNDLE_BYTES + 1]).exchange(),
                413, "payload-too-large", "/v1/apps/" + app + "/bundle");
        http.get().uri("/v1/apps/{app}/bundle", app).exchange().expectStatus().isNotFound();
        assertStillServes();
    }

    private RestTestClient.ResponseSpec putDescriptor(String name, String json) {
        return http.put().uri("/v1/apps/{app}", name).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }
}
