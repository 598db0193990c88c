package io.praas.state.session;

import java.time.Instant;

/** What the service knows about one session; absent parts are null. */
public record SessionView(
        String app,
        String session,
        long epoch,
        String owner,
        Instant leaseExpiresAt,
        Long snapshotBytes,
        Instant snapshotWrittenAt) {

    boolean isEmpty() {
        return owner == null && snapshotBytes == null;
    }
}
