package io.praas.manager.state;

/** A stored snapshot written in a format version this manager does not know. */
public final class UnsupportedSnapshotFormatException extends RuntimeException {

    public UnsupportedSnapshotFormatException(int version, int supported) {
        super("Snapshot format version " + version + " is not supported (this manager reads version " + supported + ")");
    }
}
