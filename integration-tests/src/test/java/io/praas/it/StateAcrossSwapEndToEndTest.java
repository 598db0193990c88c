package io.praas.it;

import io.praas.it.apps.KeyValueApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** State of many shapes is identical, key for key, across invocations, explicit swaps and idle swaps. */
@ExtendWith(StackExtension.class)
class StateAcrossSwapEndToEndTest {

    private static final String APP = "keyvalue";
    private static final String IDLE_APP = "keyvalue-idle";
    private static final String FILL = """
            {"text": "grüße, 世界", "number": 9007199254740993, "ratio": 0.1,
             "list": ["a", "b", "c"], "profile": {"name": "Ada", "age": 36, "tags": ["x", "y"]}, "blobSize": 70000}
            """;

    @BeforeAll
    static void deploy(PraasClient client) {
        assertThat(client.deploy(APP, Bundles.of(KeyValueApp.class), "").status()).isIn(200, 201);
        assertThat(client.deploy(IDLE_APP, Bundles.of(KeyValueApp.class), "idleTimeout=PT1S").status()).isIn(200, 201);
    }

    @Test
    void stateSurvivesAcrossInvocations(PraasClient client) {
        assertThat(client.invoke(APP, "warm", "fill", FILL).body()).isEqualTo("6");
        JsonNode first = client.invoke(APP, "warm", "dump").json();
        assertThat(client.invoke(APP, "warm", "dump").json()).isEqualTo(first);
        assertThat(first.path("profile").path("name").asString()).isEqualTo("Ada");
        assertThat(first.path("number").asLong()).isEqualTo(9007199254740993L);
    }

    @Test
    void swappedProcessResumesWithIdenticalState(PraasClient client) {
        client.invoke(APP, "explicit", "fill", FILL);
        JsonNode before = client.invoke(APP, "explicit", "dump").json();

        assertThat(client.swap(APP, "explicit").json().path("status").asString()).isEqualTo("SWAPPED");
        PraasClient.Response after = client.invoke(APP, "explicit", "dump");

        assertThat(after.header("Praas-Activation")).isEqualTo("resumed");
        assertThat(after.json()).isEqualTo(before);
    }

    @Test
    void resumedProcessTakesTheSnapshotReadWhileItsLeaseWasBeingTaken(PraasClient client) {
        client.invoke(APP, "read-ahead", "fill", FILL);
        JsonNode before = client.invoke(APP, "read-ahead", "dump").json();
        client.swap(APP, "read-ahead");
        double used = client.managerCount("praas.snapshot.prefetches", "outcome:used");

        PraasClient.Response after = client.invoke(APP, "read-ahead", "dump");

        assertThat(after.header("Praas-Activation")).isEqualTo("resumed");
        assertThat(after.json()).isEqualTo(before);
        assertThat(client.managerCount("praas.snapshot.prefetches", "outcome:used")).isGreaterThan(used);
    }

    @Test
    void idleSwappedProcessResumesWithIdenticalState(PraasClient client) {
        client.invoke(IDLE_APP, "idle", "fill", FILL);
        JsonNode before = client.invoke(IDLE_APP, "idle", "dump").json();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.process(IDLE_APP, "idle").json().path("status").asString(), "SWAPPED"::equals);
        PraasClient.Response after = client.invoke(IDLE_APP, "idle", "dump");

        assertThat(after.header("Praas-Activation")).isEqualTo("resumed");
        assertThat(after.json()).isEqualTo(before);
    }

    @Test
    void megabyteOfRawStateSurvivesSwapByteForByte(PraasClient client) {
        byte[] payload = new byte[1 << 20];
        new Random(42).nextBytes(payload);
        assertThat(client.invokeBytes(APP, "megabyte", "put", payload).body()).isEqualTo(String.valueOf(payload.length));
        String before = client.invoke(APP, "megabyte", "dump").json().path("payload").asString();

        client.swap(APP, "megabyte");

        assertThat(client.invoke(APP, "megabyte", "dump").json().path("payload").asString()).isEqualTo(before);
    }

    @Test
    void functionThatExhaustsTheHeapFailsAloneAndLeavesStateUnchanged(PraasClient client) {
        client.invoke(APP, "hog", "fill", FILL);
        JsonNode before = client.invoke(APP, "hog", "dump").json();

        PraasClient.Response hogged = client.invoke(APP, "hog", "hog");

        assertThat(hogged.status()).isEqualTo(500);
        assertThat(hogged.problemType()).isEqualTo("function-failed");
        assertThat(hogged.json().path("exception").asString()).isEqualTo("java.lang.OutOfMemoryError");
        assertThat(client.invoke(APP, "hog", "dump").json()).isEqualTo(before);
        assertThat(client.invoke(APP, "hog-neighbour", "fill", FILL).status()).isEqualTo(200);
    }

    @Test
    void rawBytesRoundTripThroughAFunction(PraasClient client) {
        byte[] payload = new byte[100_000];
        new Random(7).nextBytes(payload);
        PraasClient.Response echoed = client.invokeBytes(APP, "echo", "echo", payload);
        assertThat(echoed.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(echoed.raw().body()).isEqualTo(payload);
    }
}
