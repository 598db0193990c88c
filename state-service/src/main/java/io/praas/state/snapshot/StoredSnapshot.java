package io.praas.state.snapshot;

/** A stored snapshot and the session's current epoch. */
public record StoredSnapshot(long epoch, byte[] data) {
}
