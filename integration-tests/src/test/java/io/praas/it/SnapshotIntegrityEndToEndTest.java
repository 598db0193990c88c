package io.praas.it;

import io.praas.cli.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored snapshots are never loaded when damaged, and never overwritten by a fenced-off writer. */
@ExtendWith(StackExtension.class)
class SnapshotIntegrityEndToEndTest {

    private static final String APP = "counter-integrity";

    @BeforeAll
    static void deploy(LocalStack stack, PraasClient client) {
        assertThat(client.deploy(APP, Bundles.counter(stack), "").status()).isIn(200, 201);
    }

    @Test
    void corruptedSnapshotIsRefusedNotLoaded(PraasClient client) {
        client.invoke(APP, "damaged", "increment", "{\"by\": 9}");
        client.swap(APP, "damaged");
        PraasClient.Response stored = snapshot(client, "damaged");
        byte[] corrupted = stored.raw().body().clone();
        corrupted[corrupted.length - 1] ^= 0x5A;
        assertThat(putSnapshot(client, "damaged", Long.parseLong(stored.header("Praas-Epoch")), corrupted).status())
                .isEqualTo(204);

        PraasClient.Response refused = client.invoke(APP, "damaged", "increment");

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.problemType()).isEqualTo("snapshot-unreadable");
        assertThat(refused.json().path("detail").asString()).contains("corrupt");
        assertThat(snapshot(client, "damaged").raw().body()).isEqualTo(corrupted);

        assertThat(client.delete(APP, "damaged").status()).isEqualTo(204);
        assertThat(client.invoke(APP, "damaged", "increment").header("Praas-Activation")).isEqualTo("cold");
    }

    @Test
    void snapshotWriteWithStaleEpochIsRejectedAndStoredSnapshotUnchanged(PraasClient client) {
        client.invoke(APP, "fenced", "increment", "{\"by\": 12}");
        client.swap(APP, "fenced");
        PraasClient.Response stored = snapshot(client, "fenced");
        long epoch = Long.parseLong(stored.header("Praas-Epoch"));

        PraasClient.Response stale = putSnapshot(client, "fenced", epoch - 1, new byte[]{1, 2, 3});

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemType()).isEqualTo("stale-epoch");
        assertThat(snapshot(client, "fenced").raw().body()).isEqualTo(stored.raw().body());
        PraasClient.Response resumed = client.invoke(APP, "fenced", "increment");
        assertThat(resumed.body()).isEqualTo("13");
        assertThat(resumed.header("Praas-Activation")).isEqualTo("resumed");
    }

    private static PraasClient.Response snapshot(PraasClient client, String session) {
        return client.stateService(HttpRequest.newBuilder().GET(), "/v1/sessions/" + APP + "/" + session + "/snapshot");
    }

    private static PraasClient.Response putSnapshot(PraasClient client, String session, long epoch, byte[] bytes) {
        return client.stateService(HttpRequest.newBuilder()
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)),
                "/v1/sessions/" + APP + "/" + session + "/snapshot?epoch=" + epoch);
    }
}
