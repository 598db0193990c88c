package io.praas.manager.store;

/**
 * A granted lease, with the session's stored snapshot if it has one ({@code null} otherwise). The lease's expiry as
 * the state service states it is left out: a manager counts its lease from before it asked, by its own clock.
 */
public record Activation(long epoch, byte[] snapshot) {
}
