package io.praas.manager.state;

/** A stored snapshot that fails its checksum or structure checks: it is refused, never loaded. */
public final class SnapshotCorruptException extends RuntimeException {

    public SnapshotCorruptException(String detail) {
        super("Snapshot is corrupt: " + detail);
    }

    public SnapshotCorruptException(String detail, Throwable cause) {
        super("Snapshot is corrupt: " + detail, cause);
    }
}
