package io.praas.it;

import io.praas.cli.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Leases of live processes are renewed in the background, however many processes there are. */
@ExtendWith(StackExtension.class)
class LeaseEndToEndTest {

    @Test
    void thousandsOfLiveProcessesKeepTheirLeasesLongPastTheLeaseTtl(LocalStack stack, PraasClient client) throws Exception {
        String app = "counter-leases";
        client.deploy(app, Bundles.counter(stack), "");
        int processes = 2500;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                String session = "p" + i;
                statuses.add(pool.submit(() -> client.invoke(app, session, "increment").status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        long renewedAt = System.nanoTime();
        await().until(() -> System.nanoTime() - renewedAt > StackExtension.LEASE_TTL.multipliedBy(2).toNanos());

        for (int i = 0; i < processes; i += 97) {
            PraasClient.Response response = client.invoke(app, "p" + i, "increment");
            assertThat(response.header("Praas-Activation")).as("p%d is still live", i).isEqualTo("warm");
            assertThat(response.body()).isEqualTo("2");
        }
    }

    @Test
    void stateOutlastsAStateServiceOutageLongerThanTheLeaseTtl(LocalStack stack, PraasClient client) {
        String app = "counter-outage";
        client.deploy(app, Bundles.counter(stack), "");
        client.invoke(app, "survivor", "increment", "{\"by\": 5}");

        stack.stopStateService();
        try {
            long stoppedAt = System.nanoTime();
            await().until(() -> System.nanoTime() - stoppedAt > StackExtension.LEASE_TTL.multipliedBy(2).toNanos());
            PraasClient.Response duringOutage = client.invoke(app, "survivor", "get");
            assertThat(duringOutage.status()).isEqualTo(503);
            assertThat(duringOutage.problemType()).isEqualTo("state-service-unavailable");
        } finally {
            stack.restartStateService();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.invoke(app, "survivor", "get").status() == 200);
        assertThat(client.invoke(app, "survivor", "increment").body()).isEqualTo("6");
    }
}
