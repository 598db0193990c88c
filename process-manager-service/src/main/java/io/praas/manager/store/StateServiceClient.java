package io.praas.manager.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.praas.manager.ManagerProperties;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import redis.clients.jedis.exceptions.JedisException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The manager's side of the state service's HTTP contract (docs/wire-contracts.md). */
@Component
public class StateServiceClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StateServiceClient.class);

    private static final String EPOCH_HEADER = "Praas-Epoch";
    private static final String SNAPSHOT_KEY_HEADER = "Praas-Snapshot-Key";
    private static final String SNAPSHOT_VERSION_HEADER = "Praas-Snapshot-Version";
    private static final String PROBLEM_TYPE_BASE = "https://praas.io/problems/";

    private final CloseableHttpClient client;
    private final String baseUrl;
    private final RestClient http;
    private final ObjectMapper json;
    private final RedisSnapshotReader snapshots;
    private final Duration timeout;
    private final Counter prefetchesUsed;
    private final Counter prefetchesUnused;

    public StateServiceClient(RestClient.Builder builder, ManagerProperties properties, ObjectMapper json,
                              MeterRegistry registry) {
        this.client = pooledClient(properties);
        this.baseUrl = properties.stateServiceUrl().toString().replaceAll("/+$", "");
        this.http = builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(new HttpComponentsClientHttpRequestFactory(client))
                .build();
        this.json = json;
        this.snapshots = properties.snapshotRedisUrl() == null ? null : new RedisSnapshotReader(
                properties.snapshotRedisUrl(), properties.snapshotKeyPrefix(), properties.stateServiceTimeout(),
                properties.stateServiceConnections());
        this.timeout = properties.stateServiceTimeout();
        // all unused points at a snapshot-key-prefix that differs from the state service's key prefix
        this.prefetchesUsed = prefetches(registry, "used");
        this.prefetchesUnused = prefetches(registry, "unused");
    }

    /**
     * Blocking I/O on the calling thread: activations and snapshot writes run on process workers, which
     * then wait in the socket read itself. An event-loop client woke two more threads per call here
     * (~0.15 ms p50 per activation more, measured side by side).
     */
    private static CloseableHttpClient pooledClient(ManagerProperties properties) {
        Timeout timeout = Timeout.of(properties.stateServiceTimeout());
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(timeout)
                .setSocketTimeout(timeout)
                // a connection the state service closed while idle is noticed before a request is lost on it
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build();
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(properties.stateServiceConnections())
                        .setMaxConnPerRoute(properties.stateServiceConnections())
                        .setDefaultConnectionConfig(connections)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout)
                        .build())
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
    }

    /**
     * Takes the lease and fetches the snapshot: on the path of every cold start and resume. With
     * {@code praas.manager.snapshot-redis-url} set, the state service names the snapshot's Redis key and the bytes
     * are read from Redis here, crossing the network once instead of twice; the read starts while the lease is
     * being taken, and counts if the activation confirms nothing was written since.
     */
    public Activation activate(String app, String session, String owner, Duration ttl) {
        Map<String, String> activation = snapshots == null
                ? Map.of("owner", owner, "ttl", ttl.toString())
                : Map.of("owner", owner, "ttl", ttl.toString(), "snapshot", "reference");
        SnapshotPrefetch prefetch = snapshots == null ? null : snapshots.prefetch(app, session);
        Answer answer = exchange("POST", "/v1/sessions/" + app + "/" + session + "/activation",
                ContentType.APPLICATION_JSON, json.writeValueAsBytes(activation), "activate " + app + "/" + session,
                app, session);
        long epoch = Long.parseLong(answer.epoch());
        if (answer.status() != 200) {
            return new Activation(epoch, null);
        }
        byte[] snapshot = answer.snapshotKey() == null ? answer.body() : namedSnapshot(app, session, answer, prefetch);
        return new Activation(epoch, snapshot);
    }

    private byte[] namedSnapshot(String app, String session, Answer answer, SnapshotPrefetch prefetch) {
        byte[] prefetched = prefetch == null ? null
                : prefetch.bytesFor(answer.snapshotKey(), answer.snapshotVersion(), timeout);
        if (prefetched != null) {
            prefetchesUsed.increment();
            return prefetched;
        }
        prefetchesUnused.increment();
        return readSnapshot(app, session, answer.snapshotKey());
    }

    private static Counter prefetches(MeterRegistry registry, String outcome) {
        return Counter.builder("praas.snapshot.prefetches")
                .description("Snapshots read ahead of a resume's activation, by whether the activation confirmed them")
                .tag("outcome", outcome)
                .register(registry);
    }

    /**
     * Reads the snapshot the activation named from Redis; if Redis cannot be reached from here, through the state
     * service instead (this manager holds the lease, so nobody else can have changed it in between).
     */
    private byte[] readSnapshot(String app, String session, String key) {
        if (snapshots != null) {
            try {
                return snapshots.read(key);
            } catch (JedisException e) {
                log.warn("Could not read the snapshot of {}/{} from Redis ({}); reading it through the state service",
                        app, session, e.toString());
            }
        }
        return snapshot(app, session).orElse(null);
    }

    /** Writes a snapshot under {@code epoch}; with {@code release} (a swap-out) the lease is freed in the same call. */
    public void writeSnapshot(String app, String session, long epoch, byte[] snapshot, boolean release) {
        exchange("PUT", "/v1/sessions/" + app + "/" + session + "/snapshot?epoch=" + epoch + "&release=" + release,
                ContentType.APPLICATION_OCTET_STREAM, snapshot, "write the snapshot of " + app + "/" + session,
                app, session);
    }

    /** One call on the hot path, without RestClient's adapters; names were validated, so the path needs no encoding. */
    private Answer exchange(String method, String path, ContentType contentType, byte[] body, String operation,
                            String app, String session) {
        ClassicHttpRequest request = ClassicRequestBuilder.create(method)
                .setUri(baseUrl + path)
                .setEntity(new ByteArrayEntity(body, contentType))
                .build();
        Answer answer;
        try {
            answer = client.execute(request, StateServiceClient::answer);
        } catch (IOException | RuntimeException e) {
            throw new StateServiceUnavailableException(operation, e);
        }
        if (answer.status() >= 400) {
            throw translate(operation, app, session, answer.status(), answer.body());
        }
        return answer;
    }

    private static Answer answer(ClassicHttpResponse response) throws IOException {
        byte[] body = response.getEntity() == null ? new byte[0] : body(response.getEntity());
        return new Answer(response.getCode(), value(response.getFirstHeader(EPOCH_HEADER)),
                value(response.getFirstHeader(SNAPSHOT_KEY_HEADER)), value(response.getFirstHeader(SNAPSHOT_VERSION_HEADER)),
                body);
    }

    /**
     * Reads a body of known length straight into its array, so each socket read asks for all that is left.
     * {@code EntityUtils.toByteArray} read in 4 KiB steps: 256 socket reads for a 1 MiB snapshot.
     */
    private static byte[] body(HttpEntity entity) throws IOException {
        long length = entity.getContentLength();
        try (InputStream content = entity.getContent()) {
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                return content.readAllBytes();
            }
            byte[] body = new byte[(int) length];
            int read = content.readNBytes(body, 0, body.length);
            if (read < body.length) {
                throw new EOFException("The state service sent " + read + " of " + length + " bytes");
            }
            return body;
        }
    }

    private static String value(Header header) {
        return header == null ? null : header.getValue();
    }

    private record Answer(int status, String epoch, String snapshotKey, String snapshotVersion, byte[] body) {
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

    private Optional<byte[]> snapshot(String app, String session) {
        return optional(() -> http.get().uri("/v1/sessions/{app}/{session}/snapshot", app, session)
                .retrieve().body(byte[].class), "read the snapshot of " + app + "/" + session);
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

    @Override
    public void close() throws IOException {
        client.close();
        if (snapshots != null) {
            snapshots.close();
        }
    }

    /** A 404 from the state service, turned into an empty {@link Optional} by the callers. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
