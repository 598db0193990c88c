package io.praas.it;

import io.praas.cli.LocalStack;
import io.praas.it.apps.HangingDefineApp;
import io.praas.it.apps.NoFunctionsApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad request gets a clear problem detail, and the platform keeps serving afterwards. */
@ExtendWith(StackExtension.class)
class BadInputEndToEndTest {

    private static final String APP = "counter-bad-input";

    private PraasClient client;

    @BeforeAll
    static void deploy(LocalStack stack, PraasClient client) {
        assertThat(client.deploy(APP, Bundles.counter(stack), "").status()).isIn(200, 201);
        client.invoke(APP, "witness", "increment", "{\"by\": 5}");
    }

    @AfterEach
    void platformStillServesAndStateIsIntact(PraasClient client) {
        assertThat(client.invoke(APP, "witness", "get").body()).isEqualTo("5");
    }

    private static void assertProblem(PraasClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo(type);
        assertThat(response.json().path("detail").asString()).isNotBlank();
    }

    @Test
    void invalidSessionKeyIsRejected(PraasClient client) {
        assertProblem(client.invoke(APP, "bad%20key", "increment"), 400, "invalid-name");
        assertProblem(client.invoke(APP, "-leading-dash", "increment"), 400, "invalid-name");
        assertProblem(client.invoke(APP, "x".repeat(129), "increment"), 400, "invalid-name");
    }

    @Test
    void invalidAppNameIsRejected(PraasClient client) {
        assertProblem(client.invoke("bad$app", "s", "increment"), 400, "invalid-name");
        assertProblem(client.deploy("_app", new byte[]{1}, ""), 400, "invalid-name");
    }

    @Test
    void unknownAppIsNotFound(PraasClient client) {
        assertProblem(client.invoke("no-such-app", "s", "increment"), 404, "app-not-found");
        assertProblem(client.get("/v1/apps/no-such-app"), 404, "app-not-found");
    }

    @Test
    void unknownFunctionIsNotFound(PraasClient client) {
        assertProblem(client.invoke(APP, "witness", "no-such-function"), 404, "function-not-found");
    }

    @Test
    void unknownProcessIsNotFound(PraasClient client) {
        assertProblem(client.process(APP, "never-called"), 404, "process-not-found");
        assertProblem(client.delete(APP, "never-called"), 404, "process-not-found");
    }

    @Test
    void malformedBodyIsRejectedWithoutChangingState(PraasClient client) {
        assertProblem(client.invoke(APP, "witness", "increment", "{\"by\": "), 400, "invalid-input");
        assertProblem(client.invoke(APP, "witness", "increment", "{\"by\": \"many\"}"), 400, "invalid-input");
        assertProblem(client.invoke(APP, "witness", "increment", "{\"by\": -1}"), 400, "invalid-input");
    }

    @Test
    void oversizedBodyIsRejected(PraasClient client) {
        byte[] tooLarge = new byte[9 * 1024 * 1024];
        assertProblem(client.invokeBytes(APP, "witness", "increment", tooLarge), 413, "payload-too-large");
    }

    @Test
    void bodyFarPastTheLimitIsRejectedWith413EveryTime(PraasClient client) {
        // 24 MiB against the stack's 8 MB, sent as curl sends large bodies (Expect: 100-continue)
        byte[] farTooLarge = new byte[24 * 1024 * 1024];
        for (int attempt = 0; attempt < 5; attempt++) {
            assertProblem(client.send(largeUpload(client, "POST", "/v1/apps/" + APP + "/processes/witness/invoke/increment",
                    "application/octet-stream", farTooLarge)), 413, "payload-too-large");
        }
    }

    @Test
    void bundleFarPastTheLimitIsRejectedWith413EveryTime(PraasClient client) {
        // 40 MiB against the stack's 4 MB bundle limit
        byte[] farTooLarge = new byte[40 * 1024 * 1024];
        for (int attempt = 0; attempt < 5; attempt++) {
            assertProblem(client.send(largeUpload(client, "PUT", "/v1/apps/too-large", "application/java-archive",
                    farTooLarge)), 413, "payload-too-large");
        }
    }

    /** An upload that waits for the server's go-ahead before sending its body, as curl does past 1 MiB. */
    private static HttpRequest.Builder largeUpload(PraasClient client, String method, String path, String contentType,
                                                   byte[] body) {
        return HttpRequest.newBuilder(URI.create(client.stack().gatewayUrl() + path))
                .expectContinue(true)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    @Test
    void bundleThatIsNotAJarIsRejected(PraasClient client) {
        assertProblem(client.deploy("not-a-jar", "hello".getBytes(StandardCharsets.UTF_8), ""), 400, "invalid-bundle");
        assertProblem(client.get("/v1/apps/not-a-jar"), 404, "app-not-found");
    }

    @Test
    void bundleWithoutFunctionsIsRejected(PraasClient client) {
        assertProblem(client.deploy("no-functions", Bundles.of(NoFunctionsApp.class), ""), 400, "invalid-bundle");
    }

    @Test
    void bundleWhoseStartUpCodeHangsIsRejectedInTime(PraasClient client) {
        PraasClient.Response refused = client.deploy("hanging", Bundles.of(HangingDefineApp.class), "");
        assertProblem(refused, 400, "invalid-bundle");
        assertThat(refused.json().path("detail").asString()).contains("did not finish");
        assertProblem(client.get("/v1/apps/hanging"), 404, "app-not-found");
    }

    @Test
    void bundleWithWrongContentTypeIsRejected(LocalStack stack, PraasClient client) {
        assertProblem(client.deploy("wrong-type", Bundles.counter(stack), "", "text/plain"), 415, "unsupported-media-type");
    }

    @Test
    void invalidDeploySettingsAreRejected(LocalStack stack, PraasClient client) {
        assertProblem(client.deploy("bad-settings", Bundles.counter(stack), "idleTimeout=soon"), 400, "invalid-parameter");
        assertProblem(client.deploy("bad-settings", Bundles.counter(stack), "durability=FOREVER"), 400, "invalid-parameter");
        assertProblem(client.deploy("bad-settings", Bundles.counter(stack), "invocationTimeout=PT0S"), 400, "invalid-parameter");
        assertProblem(client.deploy("bad-settings", Bundles.counter(stack), "colour=blue"), 400, "unknown-parameter");
    }

    @Test
    void unknownPathIsNotFound(PraasClient client) {
        assertProblem(client.get("/v1/nothing-here"), 404, "not-found");
    }

    @Test
    void malformedPercentEscapeIsRejectedByGatewayAndManager(LocalStack stack) throws IOException {
        for (String baseUrl : List.of(stack.gatewayUrl(), stack.managerUrl())) {
            URI base = URI.create(baseUrl);
            String response = rawExchange(base, "POST /v1/apps/" + APP + "/processes/witness/invoke/increment%zz HTTP/1.1\r\n"
                    + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"by\": 1}");
            assertThat(response).as(baseUrl).startsWith("HTTP/1.1 400 ");
            String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            assertThat(head).as(baseUrl).contains("content-type: application/problem+json");
            JsonNode problem = JsonMapper.shared().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertThat(problem.path("type").asString()).isEqualTo("https://praas.io/problems/malformed-uri");
            assertThat(problem.path("detail").asString()).isNotBlank();
        }
    }

    /** Sends a request no URI-based client can send and reads until the server closes the connection. */
    private static String rawExchange(URI base, String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void wrongMethodIsRejected(PraasClient client) {
        PraasClient.Response response = client.send(HttpRequest.newBuilder(
                java.net.URI.create(client.stack().gatewayUrl() + "/v1/apps/" + APP + "/processes/witness/invoke/get"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
