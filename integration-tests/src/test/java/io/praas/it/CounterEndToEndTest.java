package io.praas.it;

import io.praas.cli.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sample counter app through the gateway, as the README's tour uses it. */
@ExtendWith(StackExtension.class)
class CounterEndToEndTest {

    private static final String APP = "counter-e2e";

    @BeforeAll
    static void deploy(LocalStack stack, PraasClient client) {
        assertThat(client.deploy(APP, Bundles.counter(stack), "invocationTimeout=PT1S").status()).isIn(200, 201);
    }

    /**
     * The spin tests leave runaway threads that burn a core each until their JVM exits, as the README
     * tells operators; restart the manager gracefully, as an operator would, so later tests get the CPU back.
     */
    @AfterAll
    static void restartManagerToShedRunawayThreads(LocalStack stack) {
        stack.stopManager();
        stack.restartManager();
    }

    @Test
    void incrementsCountFirstColdThenWarm(PraasClient client) {
        PraasClient.Response first = client.invoke(APP, "alice", "increment");
        PraasClient.Response second = client.invoke(APP, "alice", "increment");
        PraasClient.Response third = client.invoke(APP, "alice", "increment");

        assertThat(List.of(first.body(), second.body(), third.body())).containsExactly("1", "2", "3");
        assertThat(first.header("Praas-Activation")).isEqualTo("cold");
        assertThat(second.header("Praas-Activation")).isEqualTo("warm");
        assertThat(third.header("Praas-Activation")).isEqualTo("warm");
        assertThat(first.header("Praas-Invocation-Id")).isNotBlank().isNotEqualTo(second.header("Praas-Invocation-Id"));
    }

    @Test
    void incrementAddsTheGivenAmount(PraasClient client) {
        assertThat(client.invoke(APP, "bob", "increment", "{\"by\": 5}").body()).isEqualTo("5");
        assertThat(client.invoke(APP, "bob", "increment", "{\"by\": 10}").body()).isEqualTo("15");
        assertThat(client.invoke(APP, "bob", "get").body()).isEqualTo("15");
    }

    @Test
    void swappedProcessResumesWithItsCount(PraasClient client) {
        for (int i = 0; i < 3; i++) {
            client.invoke(APP, "carol", "increment");
        }

        PraasClient.Response swap = client.swap(APP, "carol");
        assertThat(swap.status()).isEqualTo(200);
        assertThat(swap.json().path("status").asString()).isEqualTo("SWAPPED");
        assertThat(client.process(APP, "carol").json().path("status").asString()).isEqualTo("SWAPPED");

        PraasClient.Response resumed = client.invoke(APP, "carol", "increment");
        assertThat(resumed.body()).isEqualTo("4");
        assertThat(resumed.header("Praas-Activation")).isEqualTo("resumed");
        assertThat(client.process(APP, "carol").json().path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void idleProcessIsSwappedOutByItselfAndResumes(LocalStack stack, PraasClient client) {
        String app = "counter-idle";
        assertThat(client.deploy(app, Bundles.counter(stack), "idleTimeout=PT1S").status()).isIn(200, 201);
        client.invoke(app, "dave", "increment", "{\"by\": 41}");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.process(app, "dave").json().path("status").asString(), "SWAPPED"::equals);

        PraasClient.Response resumed = client.invoke(app, "dave", "increment");
        assertThat(resumed.body()).isEqualTo("42");
        assertThat(resumed.header("Praas-Activation")).isEqualTo("resumed");
    }

    @Test
    void listingShowsActiveAndSwappedProcesses(PraasClient client) {
        String app = "counter-list";
        client.deploy(app, Bundles.counter(stackOf(client)), "");
        client.invoke(app, "active-one", "increment");
        client.invoke(app, "swapped-one", "increment");
        client.swap(app, "swapped-one");

        JsonNode page = client.processes(app).json();
        List<String> statuses = StreamSupport.stream(page.path("processes").spliterator(), false)
                .map(process -> process.path("session").asString() + "=" + process.path("status").asString())
                .toList();
        assertThat(statuses).containsExactly("active-one=ACTIVE", "swapped-one=SWAPPED");

        JsonNode first = client.get("/v1/apps/" + app + "/processes?limit=1").json();
        assertThat(first.path("processes").get(0).path("session").asString()).isEqualTo("active-one");
        JsonNode second = client.get("/v1/apps/" + app + "/processes?limit=1&after=" + first.path("next").asString()).json();
        assertThat(second.path("processes").get(0).path("session").asString()).isEqualTo("swapped-one");
        assertThat(client.get("/v1/apps/" + app + "/processes?limit=0").status()).isEqualTo(400);
    }

    @Test
    void deleteRemovesProcessAndItsStoredState(PraasClient client) {
        client.invoke(APP, "erin", "increment", "{\"by\": 7}");
        client.swap(APP, "erin");

        assertThat(client.delete(APP, "erin").status()).isEqualTo(204);
        assertThat(client.process(APP, "erin").status()).isEqualTo(404);
        assertThat(client.stateService(java.net.http.HttpRequest.newBuilder().GET(),
                "/v1/sessions/" + APP + "/erin/snapshot").status()).isEqualTo(404);

        PraasClient.Response fresh = client.invoke(APP, "erin", "increment");
        assertThat(fresh.body()).isEqualTo("1");
        assertThat(fresh.header("Praas-Activation")).isEqualTo("cold");
    }

    @Test
    void deletingAnActiveProcessRemovesItToo(PraasClient client) {
        client.invoke(APP, "frank", "increment");
        assertThat(client.delete(APP, "frank").status()).isEqualTo(204);
        assertThat(client.process(APP, "frank").status()).isEqualTo(404);
        assertThat(client.invoke(APP, "frank", "increment").body()).isEqualTo("1");
    }

    @Test
    void thousandConcurrentIncrementsEndAtExactlyOneThousand(PraasClient client) throws Exception {
        int threads = 16;
        int total = 1000;
        List<Future<Integer>> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int share = total / threads + (t < total % threads ? 1 : 0);
                failures.add(pool.submit(() -> {
                    int failed = 0;
                    for (int i = 0; i < share; i++) {
                        if (client.invoke(APP, "concurrent", "increment").status() != 200) {
                            failed++;
                        }
                    }
                    return failed;
                }));
            }
            for (Future<Integer> failed : failures) {
                assertThat(failed.get()).isZero();
            }
        }
        assertThat(client.invoke(APP, "concurrent", "get").body()).isEqualTo("1000");
    }

    @Test
    void failingFunctionLeavesCountUnchanged(PraasClient client) {
        client.invoke(APP, "grace", "increment", "{\"by\": 3}");

        PraasClient.Response failed = client.invoke(APP, "grace", "fail");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(failed.problemType()).isEqualTo("function-failed");
        assertThat(failed.json().path("detail").asString()).contains("failed on purpose");

        assertThat(client.invoke(APP, "grace", "get").body()).isEqualTo("3");
        assertThat(client.invoke(APP, "grace", "increment").body()).isEqualTo("4");
    }

    @Test
    void spinningFunctionTimesOutAndProcessKeepsServing(PraasClient client) {
        client.invoke(APP, "heidi", "increment", "{\"by\": 10}");

        PraasClient.Response spun = client.invoke(APP, "heidi", "spin");
        assertThat(spun.status()).isEqualTo(504);
        assertThat(spun.problemType()).isEqualTo("invocation-timeout");

        assertThat(client.invoke(APP, "heidi", "get").body()).isEqualTo("10");
        PraasClient.Response next = client.invoke(APP, "heidi", "increment");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("11");
        String abandoned = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                client.stack().managerUrl() + "/actuator/metrics/praas.invocations.abandoned")).GET())
                .json().path("measurements").get(0).path("value").asString();
        assertThat(Double.parseDouble(abandoned)).as("runaway threads are counted").isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void managerCountsEveryInvocationByItsStatus(PraasClient client) {
        double answered = invocationsCounted(client, 200);
        double unknownFunction = invocationsCounted(client, 404);
        client.invoke(APP, "metered", "increment");
        client.invoke(APP, "metered", "increment");
        assertThat(client.invoke(APP, "metered", "no-such-function").status()).isEqualTo(404);
        // a call is counted once its answer is written, which may trail the client's read
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(invocationsCounted(client, 200)).isGreaterThanOrEqualTo(answered + 2);
            assertThat(invocationsCounted(client, 404)).isGreaterThanOrEqualTo(unknownFunction + 1);
        });
    }

    private static double invocationsCounted(PraasClient client, int status) {
        return client.managerCount("praas.invocations", "status:" + status);
    }

    @Test
    void fullQueueOfPendingInvocationsAnswers429WithRetryAfter(LocalStack stack, PraasClient client) throws Exception {
        // A spin of 5 s leaves ample time for every queued call to arrive, even on a loaded machine.
        String app = "counter-queue";
        assertThat(client.deploy(app, Bundles.counter(stack), "invocationTimeout=PT5S").status()).isIn(200, 201);
        client.invoke(app, "judy", "increment");
        int callers = StackExtension.MAX_QUEUED + 16;
        List<Future<PraasClient.Response>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(callers + 1)) {
            // The spinning call holds the process's turn until its timeout; everything else queues behind it.
            Future<PraasClient.Response> spin = pool.submit(() -> client.invoke(app, "judy", "spin"));
            await().until(() -> client.process(app, "judy").json().path("busy").asBoolean());
            for (int i = 0; i < callers; i++) {
                responses.add(pool.submit(() -> client.invoke(app, "judy", "get")));
            }
            assertThat(spin.get().status()).isEqualTo(504);
            List<PraasClient.Response> refused = new ArrayList<>();
            for (Future<PraasClient.Response> response : responses) {
                PraasClient.Response done = response.get();
                assertThat(done.status()).isIn(200, 429);
                if (done.status() == 429) {
                    refused.add(done);
                }
            }
            assertThat(refused).isNotEmpty();
            assertThat(refused.getFirst().problemType()).isEqualTo("too-many-pending-invocations");
            assertThat(refused.getFirst().header("Retry-After")).isEqualTo("1");
        }
        assertThat(client.invoke(app, "judy", "get").body()).isEqualTo("1");
    }

    @Test
    void sameJarUnderAnotherNameIsAnIndependentApp(LocalStack stack, PraasClient client) {
        String other = "counter-twin";
        assertThat(client.deploy(other, Bundles.counter(stack), "").status()).isIn(200, 201);
        client.invoke(APP, "ivan", "increment", "{\"by\": 100}");

        assertThat(client.invoke(other, "ivan", "increment").body()).isEqualTo("1");
        assertThat(client.invoke(APP, "ivan", "get").body()).isEqualTo("100");
        assertThat(client.get("/v1/apps/" + other).json().path("functions").toString())
                .contains("increment", "get", "fail", "spin");
    }

    private static LocalStack stackOf(PraasClient client) {
        return client.stack();
    }
}
