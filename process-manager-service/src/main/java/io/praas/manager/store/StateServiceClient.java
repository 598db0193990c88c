package io.praas.manager.store;

import io.praas.manager.ManagerProperties;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The manager's side of the state service's HTTP contract (docs/wire-contracts.md). */
@Component
public class StateServiceClient {

    private static final String EPOCH_HEADER = "Praas-Epoch";
    private static final String LEASE_EXPIRES_HEADER = "Praas-Lease-Expires";
    private static final String PROBLEM_TYPE_BASE = "https://praas.io/problems/";

    private final RestClient http;
    private final HttpClient netty;
    private final Duration timeout;
    private final ObjectMapper json;

    public StateServiceClient(RestClient.Builder builder, ManagerProperties properties, ObjectMapper json) {
        // Reactor Netty, already the manager's server: a loopback call costs far less than with the JDK client.
        this.netty = HttpClient.create().baseUrl(properties.stateServiceUrl().toString())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.stateServiceTimeout().toMillis()))
                .responseTimeout(properties.stateServiceTimeout());
        this.timeout = properties.stateServiceTimeout();
        ReactorClientHttpRequestFactory requestFactory = new ReactorClientHttpRequestFactory(netty);
        requestFactory.setConnectTimeout(properties.stateServiceTimeout());
        requestFactory.setReadTimeout(properties.stateServiceTimeout());
        this.http = builder.clone()
                .baseUrl(properties.stateServiceUrl().toString())
                .requestFactory(requestFactory)
                .build();
        this.json = json;
    }

    /**
     * Takes the lease and fetches the snapshot. Like {@link #writeSnapshot} it is on the path of every
     * cold start, resume and swap-out, so it talks Reactor Netty directly: RestClient's adapters cost
     * ~0.2 ms more per call here.
     */
    public Activation activate(String app, String session, String owner, Duration ttl) {
        byte[] request = json.writeValueAsBytes(Map.of("owner", owner, "ttl", ttl.toString()));
        Answer answer = exchange(HttpMethod.POST, "/v1/sessions/" + app + "/" + session + "/activation",
                MediaType.APPLICATION_JSON_VALUE, request, "activate " + app + "/" + session, app, session);
        long epoch = Long.parseLong(answer.headers().get(EPOCH_HEADER));
        Instant expires = Instant.parse(answer.headers().get(LEASE_EXPIRES_HEADER));
        return new Activation(epoch, expires, answer.status() == 200 ? answer.body() : null);
    }

    /** Writes a snapshot under {@code epoch}; with {@code release} (a swap-out) the lease is freed in the same call. */
    public void writeSnapshot(String app, String session, long epoch, byte[] snapshot, boolean release) {
        exchange(HttpMethod.PUT, "/v1/sessions/" + app + "/" + session + "/snapshot?epoch=" + epoch + "&release=" + release,
                MediaType.APPLICATION_OCTET_STREAM_VALUE, snapshot, "write the snapshot of " + app + "/" + session,
                app, session);
    }

    /** One call on the hot path; names were validated, so the path needs no encoding. */
    private Answer exchange(HttpMethod method, String path, String contentType, byte[] body, String operation,
                            String app, String session) {
        Answer answer;
        try {
            answer = netty.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, contentType))
                    .request(method)
                    .uri(path)
                    // A fresh wrapper per attempt: Netty releases it once written; the bytes are not copied.
                    .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                    .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
                            .map(bytes -> new Answer(response.status().code(), response.responseHeaders(), bytes)))
                    .block(timeout.multipliedBy(2));
        } catch (RuntimeException e) {
            throw new StateServiceUnavailableException(operation, e);
        }
        if (answer == null) {
            throw new StateServiceUnavailableException(operation, new IllegalStateException("no answer"));
        }
        if (answer.status() >= 400) {
            throw translate(operation, app, session, answer.status(), answer.body());
        }
        return answer;
    }

    private record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    public void releaseLease(String app, String session, long epoch) {
        call("release the lease of " + app + "/" + session, app, session, () -> http.delete()
                .uri("/v1/sessions/{app}/{session}/lease?epoch={epoch}", app, session, epoch)
                .retrieve()
                .toBodilessEntity());
    }

    public List<LostLease> renew(String owner, Duration ttl, List<HeldLease> leases) {
        Renewal renewal = call("renew leases", null, null, () -> http.post()
                .uri("/v1/leases/renewals")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("owner", owner, "ttl", ttl.toString(), "leases", leases))
                .retrieve()
                .body(Renewal.class));
        return renewal == null || renewal.lost() == null ? List.of() : renewal.lost();
    }

    /** Deletes a session's stored state; with an epoch, only if that epoch is still current. */
    public void deleteSession(String app, String session, Long epoch) {
        call("delete " + app + "/" + session, app, session, () -> http.delete()
                .uri(epoch == null ? "/v1/sessions/{app}/{session}" : "/v1/sessions/{app}/{session}?epoch=" + epoch,
                        app, session)
                .retrieve()
                .toBodilessEntity());
    }

    public Optional<StoredSession> session(String app, String session) {
        return optional(() -> http.get()
                .uri("/v1/sessions/{app}/{session}", app, session)
                .retrieve()
                .body(StoredSession.class), "read " + app + "/" + session);
    }

    public SessionPage sessions(String app, String after, int limit) {
        return call("list the sessions of " + app, app, null, () -> http.get()
                .uri(uri -> {
                    uri.path("/v1/apps/{app}/sessions").queryParam("limit", limit);
                    if (after != null) {
                        uri.queryParam("after", after);
                    }
                    return uri.build(app);
                })
                .retrieve()
                .body(SessionPage.class));
    }

    public void putBundle(String app, byte[] jar) {
        call("store the bundle of " + app, app, null, () -> http.put()
                .uri("/v1/apps/{app}/bundle", app)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(jar)
                .retrieve()
                .toBodilessEntity());
    }

    public Optional<byte[]> bundle(String app) {
        return optional(() -> http.get().uri("/v1/apps/{app}/bundle", app).retrieve().body(byte[].class),
                "read the bundle of " + app);
    }

    public <T> void putDescriptor(String app, T descriptor) {
        call("store the descriptor of " + app, app, null, () -> http.put()
                .uri("/v1/apps/{app}", app)
                .contentType(MediaType.APPLICATION_JSON)
                .body(descriptor)
                .retrieve()
                .toBodilessEntity());
    }

    public <T> Optional<T> descriptor(String app, Class<T> type) {
        return optional(() -> http.get().uri("/v1/apps/{app}", app).retrieve().body(type),
                "read the descriptor of " + app);
    }

    public <T> List<T> descriptors(ParameterizedTypeReference<List<T>> type) {
        return call("list apps", null, null, () -> http.get().uri("/v1/apps").retrieve().body(type));
    }

    /** Deletes an app's descriptor, bundle and every stored session; false if there was no such app. */
    public boolean deleteApp(String app) {
        return optional(() -> http.delete().uri("/v1/apps/{app}", app).retrieve().toBodilessEntity(),
                "delete " + app).isPresent();
    }

    private <T> Optional<T> optional(Supplier<T> request, String operation) {
        try {
            return Optional.ofNullable(call(operation, null, null, request));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private <T> T call(String operation, String app, String session, Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            throw translate(operation, app, session, e.getStatusCode().value(), e.getResponseBodyAsByteArray());
        } catch (RestClientException e) {
            throw new StateServiceUnavailableException(operation, e);
        }
    }

    private RuntimeException translate(String operation, String app, String session, int status, byte[] body) {
        String type = problemType(body);
        if (status == HttpStatus.NOT_FOUND.value()) {
            return new NotFound();
        }
        if (status == HttpStatus.CONFLICT.value() && "lease-held".equals(type)) {
            return new LeaseHeldException(app, session, ownerOf(body));
        }
        if (status == HttpStatus.CONFLICT.value() && "stale-epoch".equals(type)) {
            return new StaleEpochException(app, session, epochOf(body));
        }
        return new StateServiceUnavailableException(operation,
                new IllegalStateException("the state service answered " + status + " " + type));
    }

    private String problemType(byte[] body) {
        JsonNode problem = problem(body);
        String type = problem.path("type").asString("");
        return type.startsWith(PROBLEM_TYPE_BASE) ? type.substring(PROBLEM_TYPE_BASE.length()) : type;
    }

    private String ownerOf(byte[] body) {
        return problem(body).path("owner").asString(null);
    }

    private long epochOf(byte[] body) {
        return problem(body).path("epoch").asLong(0);
    }

    private JsonNode problem(byte[] body) {
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    private record Renewal(int renewed, List<LostLease> lost) {
    }

    /** A 404 from the state service, turned into an empty {@link Optional} by the callers. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
