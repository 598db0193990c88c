package io.praas.state.lease;

import java.time.Instant;

/** A granted lease: its fencing epoch, its expiry, and the session's snapshot (null when none). */
public record Activation(long epoch, Instant leaseExpiresAt, byte[] snapshot) {
}
