package io.praas.it;

import io.praas.cli.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What happens to live processes when their manager stops gracefully, or dies. */
@ExtendWith(StackExtension.class)
class DrainAndCrashEndToEndTest {

    @Test
    void gracefulStopSwapsEveryProcessOutAndNewManagerResumesThem(LocalStack stack, PraasClient client) {
        String app = "counter-drain";
        client.deploy(app, Bundles.counter(stack), "");
        for (int i = 1; i <= 5; i++) {
            assertThat(client.invoke(app, "s" + i, "increment", "{\"by\": " + i + "}").status()).isEqualTo(200);
        }

        stack.stopManager();

        for (int i = 1; i <= 5; i++) {
            PraasClient.Response stored = client.stateService(HttpRequest.newBuilder().GET(), "/v1/sessions/" + app + "/s" + i);
            assertThat(stored.json().path("snapshotBytes").isNumber()).as(stored.body()).isTrue();
            assertThat(stored.json().path("owner").isNull()).as("lease released: " + stored.body()).isTrue();
        }
        stack.restartManager();

        for (int i = 1; i <= 5; i++) {
            PraasClient.Response resumed = client.invoke(app, "s" + i, "increment");
            assertThat(resumed.body()).isEqualTo(String.valueOf(i + 1));
            assertThat(resumed.header("Praas-Activation")).isEqualTo("resumed");
        }
    }

    @Test
    void writeThroughStateSurvivesManagerCrash(LocalStack stack, PraasClient client) {
        String app = "counter-durable";
        client.deploy(app, Bundles.counter(stack), "durability=WRITE_THROUGH");
        for (int i = 0; i < 3; i++) {
            assertThat(client.invoke(app, "kept", "increment").status()).isEqualTo(200);
        }

        crashManagerAndAwaitResume(stack, client, app, "kept");
        PraasClient.Response next = client.invoke(app, "kept", "increment");
        assertThat(next.body()).isEqualTo("4");
    }

    @Test
    void checkpointedStateSurvivesManagerCrashOnceItsCheckpointIntervalHasPassed(LocalStack stack, PraasClient client) {
        String app = "counter-checkpointed";
        client.deploy(app, Bundles.counter(stack), "durability=CHECKPOINT&checkpointInterval=PT0.5S");
        for (int i = 0; i < 3; i++) {
            assertThat(client.invoke(app, "saved", "increment").status()).isEqualTo(200);
        }
        // the process stays live; its changes reach the state service within the interval
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> client.stateService(
                HttpRequest.newBuilder().GET(), "/v1/sessions/" + app + "/saved").json().path("snapshotBytes").isNumber());
        assertThat(client.process(app, "saved").json().path("status").asString()).isEqualTo("ACTIVE");

        crashManagerAndAwaitResume(stack, client, app, "saved");
        assertThat(client.invoke(app, "saved", "increment").body()).isEqualTo("4");
    }

    /** Kills the manager, starts a new one and waits until it serves the session again. */
    private static void crashManagerAndAwaitResume(LocalStack stack, PraasClient client, String app, String session) {
        stack.killManager();
        stack.restartManager();
        // The dead manager's lease blocks the session until it expires; then the new manager resumes it.
        await().atMost(StackExtension.LEASE_TTL.plus(Duration.ofSeconds(20)))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> client.invoke(app, session, "get").status() == 200);
    }

    @Test
    void sessionHeldByALiveLeaseElsewhereIsRefusedUntilTheLeaseExpires(LocalStack stack, PraasClient client) {
        String app = "counter-fenced";
        client.deploy(app, Bundles.counter(stack), "durability=WRITE_THROUGH");
        client.invoke(app, "held", "increment");

        stack.killManager();
        stack.restartManager();

        PraasClient.Response refused = client.invoke(app, "held", "increment");
        if (refused.status() != 200) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.problemType()).isEqualTo("process-owned-elsewhere");
            assertThat(refused.header("Retry-After")).isNotNull();
        }
        await().atMost(StackExtension.LEASE_TTL.plus(Duration.ofSeconds(20)))
                .until(() -> client.invoke(app, "held", "get").status() == 200);
    }
}
