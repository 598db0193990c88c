package io.praas.manager.store;

import java.time.Instant;

/** What the state service knows of a session. */
public record StoredSession(String app, String session, long epoch, String owner, Instant leaseExpiresAt,
                            Long snapshotBytes, Instant snapshotWrittenAt) {
}
