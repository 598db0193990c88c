package io.praas.manager.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A session's snapshot read from Redis while its lease is still being taken. The bytes are used only if the
 * activation then names the same key and the version they were read with: no write came in between, so they are the
 * snapshot as of the acquisition. Anything else (another key, another or no version, a failed read) counts as no
 * prefetch, and the snapshot is read again by the key the activation named.
 */
final class SnapshotPrefetch {

    private final String key;
    private final CompletableFuture<VersionedSnapshot> read;

    SnapshotPrefetch(String key, CompletableFuture<VersionedSnapshot> read) {
        this.key = key;
        this.read = read;
    }

    /** The prefetched bytes if they are the snapshot an activation named by {@code namedKey} and {@code namedVersion}. */
    byte[] bytesFor(String namedKey, String namedVersion, Duration wait) {
        if (namedVersion == null || !key.equals(namedKey)) {
            return null;
        }
        VersionedSnapshot snapshot;
        try {
            snapshot = read.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return namedVersion.equals(snapshot.version()) ? snapshot.bytes() : null;
    }

    /** A snapshot's bytes and the version of the write that stored them, as read together; either may be null. */
    record VersionedSnapshot(String version, byte[] bytes) {
    }
}
