package io.praas.state.lease;

import java.time.Instant;

/**
 * A granted lease: its fencing epoch, its expiry, and the session's snapshot — its bytes, or the Redis key holding
 * them when it was asked for {@link SnapshotDelivery#REFERENCE by reference} (both null when it has none). By
 * reference, {@code snapshotVersion} names the write that stored those bytes (null for a snapshot written before
 * writes had versions).
 */
public record Activation(long epoch, Instant leaseExpiresAt, byte[] snapshot, String snapshotKey, String snapshotVersion) {
}
