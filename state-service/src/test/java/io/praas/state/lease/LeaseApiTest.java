package io.praas.state.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.praas.state.StateServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

class LeaseApiTest extends StateServiceTest {

    @Autowired
    private StringRedisTemplate redis;

    private final String app = unique("leases");

    @Test
    void activationOfFreshSessionGrantsEpochOneAndNoSnapshot() {
        Instant before = Instant.now();

        String expires = activation(app, "fresh", "manager-1/a", "PT30S")
                .expectStatus().isNoContent()
                .expectHeader().valueEquals("Praas-Epoch", "1")
                .expectBody().isEmpty()
                .getResponseHeaders().getFirst("Praas-Lease-Expires");

        assertThat(Instant.parse(expires))
                .isAfterOrEqualTo(before.plusSeconds(30))
                .isBefore(Instant.now().plusSeconds(31));
    }

    @Test
    void everyAcquisitionIncrementsTheEpoch() {
        assertThat(activate(app, "s", "manager-1")).isEqualTo(1);
        assertThat(activate(app, "s", "manager-1")).isEqualTo(2);
        assertThat(activate(app, "s", "manager-1")).isEqualTo(3);
        release(app, "s", 3).expectStatus().isNoContent();

        assertThat(activate(app, "s", "manager-2")).isEqualTo(4);
    }

    @Test
    void activationWhileAnotherOwnerHoldsLiveLeaseIsRefused() {
        activate(app, "held", "manager-1");

        expectProblem(activation(app, "held", "manager-2", "PT30S"), 409, "lease-held",
                "/v1/sessions/" + app + "/held/activation")
                .jsonPath("$.owner").isEqualTo("manager-1")
                .jsonPath("$.epoch").isEqualTo(1);
        assertThat(activate(app, "held", "manager-1")).isEqualTo(2);
    }

    @Test
    void expiredLeaseCanBeTakenByAnotherOwner() {
        activation(app, "short", "manager-1", "PT0.2S").expectStatus().isNoContent();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                activation(app, "short", "manager-2", "PT30S")
                        .expectStatus().isNoContent()
                        .expectHeader().valueEquals("Praas-Epoch", "2"));
    }

    @Test
    void renewalExtendsLeasesStillHeld() {
        activation(app, "renewed", "manager-1", "PT1S").expectStatus().isNoContent();

        renew("manager-1", List.of(lease("renewed", 1)))
                .expectStatus().isOk()
                .expectBody().json("{\"renewed\": 1, \"lost\": []}");

        String expires = http.get().uri("/v1/sessions/{app}/renewed", app).exchange()
                .expectStatus().isOk()
                .returnResult(Map.class).getResponseBody().get("leaseExpiresAt").toString();
        assertThat(Instant.parse(expires)).isAfter(Instant.now().plusSeconds(20));
    }

    @Test
    void renewalReportsLostLeases() {
        activate(app, "kept", "manager-1");
        activate(app, "taken", "manager-1");
        release(app, "taken", 1).expectStatus().isNoContent();
        activate(app, "taken", "manager-2");
        activate(app, "refenced", "manager-1");
        activate(app, "refenced", "manager-1");

        renew("manager-1", List.of(lease("kept", 1), lease("taken", 1), lease("refenced", 1), lease("never", 1)))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.renewed").isEqualTo(1)
                .jsonPath("$.lost[*].session").isEqualTo(List.of("taken", "refenced", "never"))
                .jsonPath("$.lost[0].app").isEqualTo(app);
    }

    @Test
    void releasedLeaseLetsAnotherOwnerActivate() {
        long epoch = activate(app, "released", "manager-1");

        release(app, "released", epoch).expectStatus().isNoContent();

        assertThat(activate(app, "released", "manager-2")).isEqualTo(epoch + 1);
    }

    @Test
    void releaseWithStaleEpochIsRefusedAndKeepsTheLease() {
        activate(app, "stale-release", "manager-1");
        activate(app, "stale-release", "manager-1");

        expectProblem(release(app, "stale-release", 1), 409, "stale-epoch",
                "/v1/sessions/" + app + "/stale-release/lease")
                .jsonPath("$.epoch").isEqualTo(1)
                .jsonPath("$.currentEpoch").isEqualTo(2);
        activation(app, "stale-release", "manager-2", "PT30S").expectStatus().isEqualTo(409);
    }

    @Test
    void activationAfterRedisLostItsScriptsStillTakesTheLeaseAndReturnsTheSnapshot() {
        byte[] data = new byte[1024 * 1024];
        new Random(7).nextBytes(data);
        long epoch = activate(app, "flushed", "manager-1");
        putSnapshot(app, "flushed", epoch, data).expectStatus().isNoContent();
        release(app, "flushed", epoch).expectStatus().isNoContent();

        // as after a Redis restart: the activation is first sent by the script's SHA-1 alone
        redis.execute((RedisCallback<Void>) connection -> {
            connection.scriptingCommands().scriptFlush();
            return null;
        });

        byte[] body = activation(app, "flushed", "manager-2", "PT30S")
                .expectStatus().isOk()
                .expectHeader().valueEquals("Praas-Epoch", Long.toString(epoch + 1))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(data);
        activation(app, "flushed", "manager-1", "PT30S").expectStatus().isEqualTo(409);
    }

    @Test
    void activationByReferenceNamesTheRedisKeyThatHoldsTheSnapshotInsteadOfSendingIt() {
        byte[] data = new byte[256 * 1024];
        new Random(11).nextBytes(data);
        long epoch = activate(app, "by-reference", "manager-1");
        putSnapshot(app, "by-reference", epoch, data).expectStatus().isNoContent();
        release(app, "by-reference", epoch).expectStatus().isNoContent();

        var answer = activationByReference(app, "by-reference", "manager-2")
                .expectStatus().isOk()
                .expectHeader().valueEquals("Praas-Epoch", Long.toString(epoch + 1))
                .expectBody().isEmpty();
        String key = answer.getResponseHeaders().getFirst("Praas-Snapshot-Key");

        assertThat(key).isEqualTo("praas:s:{" + app + "/by-reference}:data");
        assertThat(redis.execute((RedisCallback<byte[]>) connection -> connection.stringCommands().get(key.getBytes())))
                .isEqualTo(data);
        activation(app, "by-reference", "manager-1", "PT30S").expectStatus().isEqualTo(409);
    }

    @Test
    void activationByReferenceNamesTheVersionOfTheSnapshotItHandsOverAndEveryWriteMakesANewOne() {
        long epoch = activate(app, "versioned", "manager-1");
        putSnapshot(app, "versioned", epoch, new byte[] {1}).expectStatus().isNoContent();
        release(app, "versioned", epoch).expectStatus().isNoContent();
        String first = snapshotVersion(activationByReference(app, "versioned", "manager-2"));
        // the same owner again: a new epoch, nothing written in between
        String unchanged = snapshotVersion(activationByReference(app, "versioned", "manager-2"));
        putSnapshot(app, "versioned", epoch + 2, new byte[] {1}).expectStatus().isNoContent();
        String rewritten = snapshotVersion(activationByReference(app, "versioned", "manager-2"));

        assertThat(first).isNotBlank();
        assertThat(unchanged).isEqualTo(first);
        // the same bytes written again are another write: a reader cannot tell it from a different one
        assertThat(rewritten).isNotBlank().isNotEqualTo(first);
        assertThat(redis.execute((RedisCallback<byte[]>) connection -> connection.hashCommands()
                .hGet(("praas:s:{" + app + "/versioned}:snapshot").getBytes(), "version".getBytes())))
                .asString().isEqualTo(rewritten);
    }

    private static String snapshotVersion(RestTestClient.ResponseSpec activation) {
        return activation.expectStatus().isOk().expectBody().returnResult().getResponseHeaders()
                .getFirst("Praas-Snapshot-Version");
    }

    @Test
    void activationByReferenceOfASessionWithoutSnapshotHasNothingToHandOver() {
        activationByReference(app, "empty-by-reference", "manager-1")
                .expectStatus().isNoContent()
                .expectHeader().valueEquals("Praas-Epoch", "1")
                .expectHeader().doesNotExist("Praas-Snapshot-Key")
                .expectHeader().doesNotExist("Praas-Snapshot-Version");
    }

    @Test
    void activationWithAnUnknownWayOfHandingOverTheSnapshotIsRejectedAndTakesNoLease() {
        http.post().uri("/v1/sessions/{app}/{session}/activation", app, "by-carrier-pigeon")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("owner", "manager-1", "snapshot", "carrier-pigeon"))
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(activate(app, "by-carrier-pigeon", "manager-2")).isEqualTo(1);
    }

    private RestTestClient.ResponseSpec activationByReference(String app, String session, String owner) {
        return http.post().uri("/v1/sessions/{app}/{session}/activation", app, session)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("owner", owner, "ttl", "PT30S", "snapshot", "reference"))
                .exchange();
    }

    private Map<String, Object> lease(String session, long epoch) {
        return Map.of("app", app, "session", session, "epoch", epoch);
    }

    private RestTestClient.ResponseSpec renew(String owner, List<Map<String, Object>> leases) {
        return http.post().uri("/v1/leases/renewals")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("owner", owner, "ttl", "PT30S", "leases", leases))
                .exchange();
    }
}
