package io.praas.it;

import io.praas.it.apps.LedgerApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Functions that call other functions of their app in-process, driven through the gateway. */
@ExtendWith(StackExtension.class)
class NestedCallEndToEndTest {

    private static final String APP = "ledger";

    @BeforeAll
    static void deploy(PraasClient client) {
        assertThat(client.deploy(APP, Bundles.of(LedgerApp.class), "").status()).isIn(200, 201);
    }

    @Test
    void nestedWritesCommitWithTheCallerAndSurviveASwap(PraasClient client) {
        assertThat(client.invoke(APP, "bank", "book", "{\"account\": \"alice\", \"amount\": 100}").body()).isEqualTo("100");

        PraasClient.Response transfer = client.invoke(APP, "bank", "transfer",
                "{\"from\": \"alice\", \"to\": \"bob\", \"amount\": 30}");

        assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
        assertThat(transfer.json().path("from").asLong()).isEqualTo(70);
        assertThat(transfer.json().path("to").asLong()).isEqualTo(30);
        assertThat(client.swap(APP, "bank").json().path("status").asString()).isEqualTo("SWAPPED");
        PraasClient.Response bob = client.invoke(APP, "bank", "balance", "\"bob\"");
        assertThat(bob.header("Praas-Activation")).isEqualTo("resumed");
        assertThat(bob.body()).isEqualTo("30");
        assertThat(client.invoke(APP, "bank", "balance", "\"alice\"").body()).isEqualTo("70");
    }

    @Test
    void refusedNestedCallDropsTheWholeInvocation(PraasClient client) {
        client.invoke(APP, "overdraft", "book", "{\"account\": \"alice\", \"amount\": 10}");

        PraasClient.Response transfer = client.invoke(APP, "overdraft", "transfer",
                "{\"from\": \"alice\", \"to\": \"bob\", \"amount\": 30}");

        assertThat(transfer.status()).as(transfer.body()).isEqualTo(400);
        assertThat(transfer.problemType()).isEqualTo("invalid-input");
        assertThat(transfer.json().path("detail").asString()).contains("would be overdrawn");
        assertThat(client.invoke(APP, "overdraft", "balance", "\"bob\"").body()).isEqualTo("0");
        assertThat(client.invoke(APP, "overdraft", "balance", "\"alice\"").body()).isEqualTo("10");
    }

    @Test
    void endlessRecursionIsAFunctionFailure(PraasClient client) {
        PraasClient.Response recursed = client.invoke(APP, "loop", "recurse");

        assertThat(recursed.status()).as(recursed.body()).isEqualTo(500);
        assertThat(recursed.problemType()).isEqualTo("function-failed");
        assertThat(recursed.json().path("detail").asString()).contains("more than 64 deep");
        assertThat(client.invoke(APP, "loop", "balance", "\"alice\"").status()).isEqualTo(200);
    }

    @Test
    void unknownNestedFunctionIsNotFound(PraasClient client) {
        PraasClient.Response missing = client.invoke(APP, "missing", "call-missing");

        assertThat(missing.status()).as(missing.body()).isEqualTo(404);
        assertThat(missing.problemType()).isEqualTo("function-not-found");
        assertThat(missing.json().path("function").asString()).isEqualTo("missing");
    }
}
