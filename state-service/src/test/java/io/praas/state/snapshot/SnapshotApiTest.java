package io.praas.state.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.praas.state.StateServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;

class SnapshotApiTest extends StateServiceTest {

    private final String app = unique("snapshots");

    @Autowired
    private StringRedisTemplate redis;

    @Test
    void snapshotWrittenWithCurrentEpochIsReturnedByteForByte() {
        byte[] data = {0, 1, 2, (byte) 0xff, (byte) 0x80, 10, 13};
        long epoch = activate(app, "small", "manager-1");

        putSnapshot(app, "small", epoch, data).expectStatus().isNoContent();

        assertThat(readSnapshot("small", epoch)).isEqualTo(data);
    }

    @Test
    void fiveMebibyteRandomSnapshotIsReturnedByteForByte() {
        byte[] data = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(data);
        long epoch = activate(app, "large", "manager-1");

        putSnapshot(app, "large", epoch, data).expectStatus().isNoContent();

        assertThat(readSnapshot("large", epoch)).isEqualTo(data);
    }

    @Test
    void snapshotWriteWithStaleEpochIsRejectedAndStoredSnapshotIsUnchanged() {
        long second = writeThenHandOver("fenced", bytes("written at epoch 1"));
        long first = second - 1;

        expectProblem(putSnapshot(app, "fenced", first, bytes("late write of a paused manager")), 409,
                "stale-epoch", "/v1/sessions/" + app + "/fenced/snapshot")
                .jsonPath("$.epoch").isEqualTo(first)
                .jsonPath("$.currentEpoch").isEqualTo(second);

        assertThat(readSnapshot("fenced", second)).isEqualTo(bytes("written at epoch 1"));
    }

    @Test
    void swapOutWriteReleasesTheLeaseSoAnotherManagerActivatesAtOnce() {
        long epoch = activate(app, "swapped", "manager-1");

        http.put().uri("/v1/sessions/{app}/{session}/snapshot?epoch={epoch}&release=true", app, "swapped", epoch)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(bytes("saved on swap-out"))
                .exchange()
                .expectStatus().isNoContent();

        byte[] body = activation(app, "swapped", "manager-2", "PT30S")
                .expectStatus().isOk()
                .expectHeader().valueEquals("Praas-Epoch", Long.toString(epoch + 1))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(body).isEqualTo(bytes("saved on swap-out"));
    }

    @Test
    void staleSwapOutWriteNeitherStoresNorReleasesTheCurrentLease() {
        long first = activate(app, "late-swap", "manager-1");
        release(app, "late-swap", first).expectStatus().isNoContent();
        long second = activate(app, "late-swap", "manager-2");

        expectProblem(http.put().uri("/v1/sessions/{app}/{session}/snapshot?epoch={epoch}&release=true", app,
                        "late-swap", first)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(bytes("late"))
                .exchange(), 409, "stale-epoch", "/v1/sessions/" + app + "/late-swap/snapshot");

        activation(app, "late-swap", "manager-3", "PT30S").expectStatus().isEqualTo(409);
        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void writesLeaveNoStagedBytesBehindWhetherTheyLandOrAreFenced() {
        long second = writeThenHandOver("staged", bytes("kept"));

        putSnapshot(app, "staged", second - 1, bytes("fenced out")).expectStatus().isEqualTo(409);

        assertThat(redis.keys("praas:s:{" + app + "/staged}:*"))
                .containsExactlyInAnyOrder(sessionKey("staged", "epoch"), sessionKey("staged", "lease"),
                        sessionKey("staged", "snapshot"), sessionKey("staged", "data"));
        assertThat(redis.getExpire(sessionKey("staged", "data"))).isEqualTo(-1);
        assertThat(readSnapshot("staged", second)).isEqualTo(bytes("kept"));
    }

    @Test
    void snapshotStoredBeforeItsBytesHadAKeyOfTheirOwnIsStillResumedAndThenRewrittenInTheNewPlace() {
        long epoch = activate(app, "earlier", "manager-1");
        release(app, "earlier", epoch).expectStatus().isNoContent();
        redis.opsForHash().put(sessionKey("earlier", "snapshot"), "data", "stored by an earlier version");

        byte[] resumed = activation(app, "earlier", "manager-2", "PT30S")
                .expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(resumed).isEqualTo(bytes("stored by an earlier version"));
        assertThat(readSnapshot("earlier", epoch + 1)).isEqualTo(bytes("stored by an earlier version"));
        byte[] handedOver = http.post().uri("/v1/sessions/{app}/{session}/activation", app, "earlier")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("owner", "manager-2", "snapshot", "reference"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("Praas-Snapshot-Key")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(handedOver).as("no key a reader could GET: inline even by reference")
                .isEqualTo(bytes("stored by an earlier version"));

        putSnapshot(app, "earlier", epoch + 2, bytes("rewritten")).expectStatus().isNoContent();
        assertThat(redis.opsForHash().hasKey(sessionKey("earlier", "snapshot"), "data")).isFalse();
        assertThat(readSnapshot("earlier", epoch + 2)).isEqualTo(bytes("rewritten"));
    }

    @Test
    void snapshotWriteBeforeAnyActivationIsStale() {
        expectProblem(putSnapshot(app, "never-activated", 1, bytes("x")), 409, "stale-epoch",
                "/v1/sessions/" + app + "/never-activated/snapshot")
                .jsonPath("$.currentEpoch").isEqualTo(0);
    }

    @Test
    void activationReturnsLatestSnapshot() {
        long epoch = activate(app, "resumed", "manager-1");
        putSnapshot(app, "resumed", epoch, bytes("first")).expectStatus().isNoContent();
        putSnapshot(app, "resumed", epoch, bytes("second")).expectStatus().isNoContent();
        release(app, "resumed", epoch).expectStatus().isNoContent();

        byte[] body = activation(app, "resumed", "manager-2", "PT30S")
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .expectHeader().valueEquals("Praas-Epoch", Long.toString(epoch + 1))
                .expectHeader().exists("Praas-Lease-Expires")
                .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(body).isEqualTo(bytes("second"));
    }

    @Test
    void readingAbsentSnapshotIsNotFound() {
        activate(app, "empty", "manager-1");

        expectProblem(http.get().uri("/v1/sessions/{app}/empty/snapshot", app).exchange(), 404,
                "snapshot-not-found", "/v1/sessions/" + app + "/empty/snapshot");
    }

    @Test
    void keysOfOneSessionShareOneHashTag() {
        long epoch = activate(app, "tagged", "manager-1");
        putSnapshot(app, "tagged", epoch, bytes("state")).expectStatus().isNoContent();

        Set<String> keys = redis.keys("praas:s:*" + app + "*");

        String tag = "{" + app + "/tagged}";
        assertThat(keys).containsExactlyInAnyOrder("praas:s:" + tag + ":epoch", "praas:s:" + tag + ":lease",
                "praas:s:" + tag + ":snapshot", "praas:s:" + tag + ":data");
        assertThat(redis.opsForHash().entries("praas:s:" + tag + ":snapshot"))
                .containsOnlyKeys("bytes", "writtenAt", "version")
                .containsEntry("bytes", "5");
        assertThat(redis.opsForValue().get("praas:s:" + tag + ":data")).isEqualTo("state");
        assertThat(redis.opsForHash().entries("praas:s:" + tag + ":lease"))
                .containsEntry("owner", "manager-1")
                .containsEntry("epoch", "1");
        assertThat(redis.opsForZSet().rangeByLex("praas:a:{" + app + "}:sessions",
                Range.unbounded())).containsExactly("tagged");
    }

    private byte[] readSnapshot(String session, long expectedEpoch) {
        return http.get().uri("/v1/sessions/{app}/{session}/snapshot", app, session).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .expectHeader().valueEquals("Praas-Epoch", Long.toString(expectedEpoch))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** manager-1 activates, writes {@code data} and releases; manager-2 then activates. Answers manager-2's epoch. */
    private long writeThenHandOver(String session, byte[] data) {
        long first = activate(app, session, "manager-1");
        putSnapshot(app, session, first, data).expectStatus().isNoContent();
        release(app, session, first).expectStatus().isNoContent();
        return activate(app, session, "manager-2");
    }

    private String sessionKey(String session, String suffix) {
        return "praas:s:{" + app + "/" + session + "}:" + suffix;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
