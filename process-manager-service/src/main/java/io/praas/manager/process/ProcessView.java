package io.praas.manager.process;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** What {@code GET /v1/apps/{app}/processes/{session}} answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessView(String app, String session, ProcessStatus status, String manager, Long epoch,
                          Integer stateKeys, Boolean busy, Integer pendingInvocations, Instant lastActivityAt,
                          Long snapshotBytes, Instant snapshotWrittenAt) {

    static ProcessView of(CloudProcess process, String manager) {
        return new ProcessView(process.key().app(), process.key().session(), process.status(), manager,
                process.epoch(), process.stateKeys(), !process.mailbox().isIdle(), process.pendingInvocations(),
                process.lastActivity(), null, null);
    }
}
