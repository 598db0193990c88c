package io.praas.it;

import io.praas.cli.LocalStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.StreamSupport;

/** A plain HTTP client of the public API, as a web app would use it. */
public final class PraasClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalStack stack;

    PraasClient(LocalStack stack) {
        this.stack = stack;
    }

    public LocalStack stack() {
        return stack;
    }

    public record Response(int status, HttpResponse<byte[]> raw) {

        public String body() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The slug of a problem detail's type URI. */
        public String problemType() {
            String type = json().path("type").asString("");
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }

    public Response invoke(String app, String session, String function) {
        return invoke(app, session, function, "");
    }

    public Response invoke(String app, String session, String function, String jsonBody) {
        return send(gateway("/v1/apps/" + app + "/processes/" + session + "/invoke/" + function)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response invokeBytes(String app, String session, String function, byte[] body) {
        return send(gateway("/v1/apps/" + app + "/processes/" + session + "/invoke/" + function)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Response process(String app, String session) {
        return send(gateway("/v1/apps/" + app + "/processes/" + session).GET());
    }

    public Response processes(String app) {
        return send(gateway("/v1/apps/" + app + "/processes").GET());
    }

    public Response swap(String app, String session) {
        return send(gateway("/v1/apps/" + app + "/processes/" + session + "/swap").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String app, String session) {
        return send(gateway("/v1/apps/" + app + "/processes/" + session).DELETE());
    }

    public Response deploy(String app, byte[] jar, String query) {
        return deploy(app, jar, query, "application/java-archive");
    }

    public Response deploy(String app, byte[] jar, String query, String contentType) {
        return send(gateway("/v1/apps/" + app + (query.isEmpty() ? "" : "?" + query))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jar)));
    }

    public Response get(String path) {
        return send(gateway(path).GET());
    }

    /** Calls the state service directly, as only managers do; for tests that inspect or tamper with storage. */
    public Response stateService(HttpRequest.Builder request, String path) {
        return send(request.uri(URI.create(stack.stateServiceUrl() + path)));
    }

    /**
     * The count of one of the manager's meters (a counter's or a timer's) with one tag, e.g. {@code status:200}; 0 until
     * it is first recorded.
     */
    public double managerCount(String meter, String tag) {
        Response metric = send(HttpRequest.newBuilder(
                URI.create(stack.managerUrl() + "/actuator/metrics/" + meter + "?tag=" + tag)).GET());
        if (metric.status() == 404) {
            return 0;
        }
        return StreamSupport.stream(metric.json().path("measurements").spliterator(), false)
                .filter(measurement -> measurement.path("statistic").asString().equals("COUNT"))
                .mapToDouble(measurement -> measurement.path("value").asDouble())
                .findFirst().orElseThrow();
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder gateway(String path) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path));
    }
}
