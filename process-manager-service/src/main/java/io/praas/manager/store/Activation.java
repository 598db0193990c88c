package io.praas.manager.store;

import java.time.Instant;

/** A granted lease, with the session's stored snapshot if it has one ({@code null} otherwise). */
public record Activation(long epoch, Instant leaseExpiresAt, byte[] snapshot) {
}
