package io.praas.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.praas.gateway.routing.RendezvousHashing;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway in front of three real (fake) managers, listed through {@code praas.gateway.managers}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final List<FakeManager> MANAGERS =
            List.of(FakeManager.start("m1"), FakeManager.start("m2"), FakeManager.start("m3"));

    @DynamicPropertySource
    static void managers(DynamicPropertyRegistry registry) {
        registry.add("praas.gateway.managers",
                () -> MANAGERS.stream().map(manager -> manager.uri().toString()).collect(Collectors.joining(",")));
        registry.add("praas.gateway.response-timeout", () -> "2s");
    }

    @AfterAll
    static void stopManagers() {
        MANAGERS.forEach(FakeManager::close);
    }

    @LocalServerPort
    private int port;

    private WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build();
    }

    @Test
    void sameSessionAlwaysReachesTheSameManager() {
        String owner = ownerOf("shop/cart-42");
        List<String> paths = List.of("/v1/apps/shop/processes/cart-42", "/v1/apps/shop/processes/cart-42/invoke/add",
                "/v1/apps/shop/processes/cart-42/swap", "/v1/apps/shop/processes/cart-42/invoke/total?x=1");
        for (int round = 0; round < 5; round++) {
            for (String path : paths) {
                assertThat(managerAnswering(path)).as(path).isEqualTo(owner);
            }
        }
    }

    @Test
    void differentSessionsSpreadOverAllManagers() {
        Map<String, Integer> perManager = new HashMap<>();
        for (int session = 0; session < 300; session++) {
            String path = "/v1/apps/shop/processes/user-" + session + "/invoke/get";
            String manager = managerAnswering(path);
            assertThat(manager).isEqualTo(ownerOf("shop/user-" + session));
            perManager.merge(manager, 1, Integer::sum);
        }
        assertThat(perManager).containsOnlyKeys("m1", "m2", "m3");
        assertThat(perManager.values()).allSatisfy(count -> assertThat(count).isBetween(60, 140));
    }

    @Test
    void appLevelCallsRouteByAppAndTheAppListByTheEmptyKey() {
        assertThat(managerAnswering("/v1/apps/shop")).isEqualTo(ownerOf("shop"));
        assertThat(managerAnswering("/v1/apps/shop/processes?limit=10")).isEqualTo(ownerOf("shop"));
        assertThat(managerAnswering("/v1/apps")).isEqualTo(ownerOf(""));
    }

    @Test
    void percentEncodedNamesRouteLikeTheirDecodedForm() {
        assertThat(managerAnswering("/v1/apps/%73hop/processes/cart-42/invoke/add")).isEqualTo(ownerOf("shop/cart-42"));
    }

    @Test
    void methodPathQueryHeadersAndBodyPassThroughUnchanged() {
        client.put().uri(URI.create("http://localhost:" + port + "/v1/apps/shop/processes/s1/invoke/echo?a=1&b=two%20words"))
                .header("X-Echo", "hello")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("the input")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Echo-Method", "PUT")
                .expectHeader().valueEquals("Echo-Uri", "/v1/apps/shop/processes/s1/invoke/echo?a=1&b=two%20words")
                .expectHeader().valueEquals("Echo-X-Echo", "hello")
                .expectHeader().valueEquals("Praas-Activation", "warm")
                .expectHeader().exists("Praas-Invocation-Id")
                .expectHeader().contentType(MediaType.TEXT_PLAIN)
                .expectBody(String.class).isEqualTo("the input");
    }

    @Test
    void fiveMebibyteBodyRoundTripsByteForByte() {
        byte[] body = randomBytes(5 * 1024 * 1024);
        EntityExchangeResult<byte[]> result = client.post().uri("/v1/apps/shop/processes/s1/invoke/echo")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult();
        assertThat(result.getResponseBody()).isEqualTo(body);
    }

    @Test
    void sixteenMebibyteRequestBodyReachesTheManagerIntact() {
        byte[] body = randomBytes(16 * 1024 * 1024 + 1);
        client.post().uri("/v1/apps/shop/processes/s1/invoke/digest")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Body-Length", Integer.toString(body.length))
                .expectHeader().valueEquals("Body-Sha256", FakeManager.sha256(body));
    }

    @Test
    void problemDetailsFromTheManagerPassThroughUntouched() {
        EntityExchangeResult<byte[]> result = client.post().uri("/v1/apps/shop/processes/s1/invoke/problem")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().returnResult();
        assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8))
                .isEqualTo(FakeManager.PROBLEM_BODY);
        assertGatewayStillWorks();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/apps/-shop", "/v1/apps/.shop/processes", "/v1/apps/sh%20op/processes/s1",
            "/v1/apps/shop/processes/s%2F1/invoke/f", "/v1/apps/shop/processes/_s1/swap",
            "/v1/apps/shop/processes/s$1", "/v1/apps//processes/s1"})
    void invalidNamesAreRejectedWithoutReachingAnyManager(String path) {
        int before = totalManagerRequests();
        client.post().uri(URI.create("http://localhost:" + port + path))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://praas.io/problems/invalid-name")
                .jsonPath("$.title").isEqualTo("Invalid name")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.instance").isEqualTo(path)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("[A-Za-z0-9]"))
                .jsonPath("$.name").exists();
        assertThat(totalManagerRequests()).isEqualTo(before);
        assertGatewayStillWorks();
    }

    @Test
    void tooLongSessionKeyIsRejectedAndTheLongestAllowedIsRouted() {
        String longest = "s" + "x".repeat(127);
        assertThat(managerAnswering("/v1/apps/shop/processes/" + longest)).isEqualTo(ownerOf("shop/" + longest));
        client.get().uri("/v1/apps/shop/processes/" + longest + "x")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.name").isEqualTo(longest + "x");
    }

    @Test
    void unknownPathAnswersNotFoundProblem() {
        client.get().uri("/nope")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://praas.io/problems/not-found")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("There is nothing at /nope.")
                .jsonPath("$.instance").isEqualTo("/nope");
        assertGatewayStillWorks();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /v1/apps/%zz", "POST /v1/apps/shop/processes/s1/invoke/add%", "GET /v1/apps?q=%G1"})
    void malformedPercentEscapeAnswersMalformedUriProblem(String requestLine) throws IOException {
        String response = rawExchange(requestLine + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\nhello");

        assertThat(response).startsWith("HTTP/1.1 400 Bad Request\r\n");
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertThat(head).contains("content-type: application/problem+json").contains("connection: close");
        JsonNode problem = JsonMapper.shared().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(problem.get("type").asString()).isEqualTo("https://praas.io/problems/malformed-uri");
        assertThat(problem.get("title").asString()).isEqualTo("Malformed request target");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains("not a valid URI");
        assertGatewayStillWorks();
    }

    @Test
    void managerThatStopsAnsweringGivesGatewayTimeoutProblem() {
        client.post().uri("/v1/apps/shop/processes/s1/invoke/slow")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://praas.io/problems/gateway-timeout")
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.instance").isEqualTo("/v1/apps/shop/processes/s1/invoke/slow");
        assertGatewayStillWorks();
    }

    @Test
    void healthIsUp() {
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void proxiedCallsAreCountedInTheGatewaysRequestMetrics() {
        double before = proxiedCallsCounted();
        for (int call = 0; call < 3; call++) {
            client.post().uri("/v1/apps/shop/processes/metered-" + call + "/invoke/add")
                    .bodyValue("1")
                    .exchange()
                    .expectStatus().isOk();
        }
        // counted once the response is written, which may trail the client's read; POST so the
        // actuator GETs reading the count are not in it
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(proxiedCallsCounted()).isGreaterThanOrEqualTo(before + 3));
    }

    /** Sends bytes no URI-based client would send and reads until the gateway closes the connection. */
    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void assertGatewayStillWorks() {
        assertThat(managerAnswering("/v1/apps/shop/processes/after-error/invoke/ping"))
                .isEqualTo(ownerOf("shop/after-error"));
    }

    private double proxiedCallsCounted() {
        JsonNode metric = client.get().uri("/actuator/metrics/http.server.requests?tag=status:200&tag=method:POST")
                .exchange()
                .returnResult(JsonNode.class)
                .getResponseBody().blockFirst(Duration.ofSeconds(10));
        if (metric == null || !metric.has("measurements")) {
            return 0;
        }
        for (JsonNode measurement : metric.get("measurements")) {
            if (measurement.get("statistic").asString().equals("COUNT")) {
                return measurement.get("value").asDouble();
            }
        }
        throw new AssertionError("no COUNT in " + metric);
    }

    private String managerAnswering(String path) {
        return client.get().uri(URI.create("http://localhost:" + port + path))
                .exchange()
                .expectStatus().isOk()
                .returnResult(Void.class)
                .getResponseHeaders().getFirst("Manager");
    }

    private static String ownerOf(String routingKey) {
        Map<String, FakeManager> byNodeId = MANAGERS.stream()
                .collect(Collectors.toMap(FakeManager::nodeId, Function.identity()));
        return RendezvousHashing.owner(routingKey, byNodeId.keySet(), Function.identity())
                .map(nodeId -> byNodeId.get(nodeId).name())
                .orElseThrow();
    }

    private static int totalManagerRequests() {
        return MANAGERS.stream().mapToInt(FakeManager::requests).sum();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
