package io.praas.state.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.praas.state.StateServiceTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.client.RestTestClient;

class SessionApiTest extends StateServiceTest {

    private final String app = unique("sessions");

    @Test
    void sessionViewReportsEpochOwnerLeaseAndSnapshot() {
        Instant before = Instant.now();
        long epoch = activate(app, "viewed", "manager-1");
        putSnapshot(app, "viewed", epoch, "12345".getBytes(StandardCharsets.UTF_8)).expectStatus().isNoContent();

        SessionView view = http.get().uri("/v1/sessions/{app}/viewed", app).exchange()
                .expectStatus().isOk()
                .expectBody(SessionView.class).returnResult().getResponseBody();

        assertThat(view.app()).isEqualTo(app);
        assertThat(view.session()).isEqualTo("viewed");
        assertThat(view.epoch()).isEqualTo(1);
        assertThat(view.owner()).isEqualTo("manager-1");
        assertThat(view.leaseExpiresAt()).isAfter(before.plusSeconds(25)).isBefore(Instant.now().plusSeconds(31));
        assertThat(view.snapshotBytes()).isEqualTo(5);
        assertThat(view.snapshotWrittenAt()).isBetween(before, Instant.now());
    }

    @Test
    void sessionWithoutLiveLeaseOrSnapshotShowsNulls() {
        long epoch = activate(app, "idle", "manager-1");
        release(app, "idle", epoch).expectStatus().isNoContent();

        http.get().uri("/v1/sessions/{app}/idle", app).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"app": "%s", "session": "idle", "epoch": 1, "owner": null, "leaseExpiresAt": null,
                         "snapshotBytes": null, "snapshotWrittenAt": null}""".formatted(app));
    }

    @Test
    void unknownSessionIsNotFound() {
        expectProblem(http.get().uri("/v1/sessions/{app}/nobody", app).exchange(), 404, "session-not-found",
                "/v1/sessions/" + app + "/nobody");
    }

    @Test
    void deleteSessionRemovesSnapshotAndLeaseButKeepsEpochMonotonic() {
        long epoch = activate(app, "deleted", "manager-1");
        putSnapshot(app, "deleted", epoch, new byte[] {1, 2, 3}).expectStatus().isNoContent();

        delete("deleted", "").expectStatus().isNoContent();

        http.get().uri("/v1/sessions/{app}/deleted/snapshot", app).exchange().expectStatus().isNotFound();
        http.get().uri("/v1/sessions/{app}/deleted", app).exchange().expectStatus().isNotFound();
        assertThat(activate(app, "deleted", "manager-2")).isEqualTo(epoch + 1);
        http.get().uri("/v1/sessions/{app}/deleted/snapshot", app).exchange().expectStatus().isNotFound();
    }

    @Test
    void deleteWithCurrentEpochDeletes() {
        long epoch = activate(app, "fenced-delete", "manager-1");

        delete("fenced-delete", "?epoch=" + epoch).expectStatus().isNoContent();

        http.get().uri("/v1/sessions/{app}/fenced-delete", app).exchange().expectStatus().isNotFound();
    }

    @Test
    void deleteWithStaleEpochIsRefusedAndKeepsTheSession() {
        long epoch = activate(app, "kept", "manager-1");
        putSnapshot(app, "kept", epoch, new byte[] {7}).expectStatus().isNoContent();

        expectProblem(delete("kept", "?epoch=" + (epoch + 5)), 409, "stale-epoch", "/v1/sessions/" + app + "/kept")
                .jsonPath("$.epoch").isEqualTo(epoch + 5)
                .jsonPath("$.currentEpoch").isEqualTo(epoch);
        http.get().uri("/v1/sessions/{app}/kept/snapshot", app).exchange().expectStatus().isOk();
    }

    @Test
    void deletingSessionThatWasNeverStoredSucceeds() {
        delete("ghost", "").expectStatus().isNoContent();
    }

    @Test
    void listingPagesSessionsInNameOrder() {
        for (String session : List.of("c", "a", "e", "b", "d")) {
            activate(app, session, "manager-1");
        }

        assertThat(page("?limit=2")).isEqualTo(new Page(List.of("a", "b"), "b"));
        assertThat(page("?limit=2&after=b")).isEqualTo(new Page(List.of("c", "d"), "d"));
        assertThat(page("?limit=2&after=d")).isEqualTo(new Page(List.of("e"), null));
        assertThat(page("")).isEqualTo(new Page(List.of("a", "b", "c", "d", "e"), null));
        http.get().uri("/v1/apps/{app}/sessions?limit=1", app).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sessions[0].app").isEqualTo(app)
                .jsonPath("$.sessions[0].session").isEqualTo("a")
                .jsonPath("$.sessions[0].epoch").isEqualTo(1)
                .jsonPath("$.sessions[0].owner").isEqualTo("manager-1")
                .jsonPath("$.sessions[0].leaseExpiresAt").isNotEmpty();
    }

    @Test
    void listingAnAppWithoutSessionsIsEmpty() {
        assertThat(page("")).isEqualTo(new Page(List.of(), null));
    }

    private RestTestClient.ResponseSpec delete(String session, String query) {
        return http.delete().uri("/v1/sessions/" + app + "/" + session + query).exchange();
    }

    private Page page(String query) {
        SessionPage page = http.get().uri("/v1/apps/" + app + "/sessions" + query).exchange()
                .expectStatus().isOk()
                .expectBody(SessionPage.class).returnResult().getResponseBody();
        return new Page(page.sessions().stream().map(SessionView::session).toList(), page.next());
    }

    private record Page(List<String> sessions, String next) {
    }
}
