package io.praas.manager.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.praas.manager.store.SnapshotPrefetch.VersionedSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** When bytes read ahead of an activation may stand in for the snapshot the activation names. */
class SnapshotPrefetchTest {

    private static final String KEY = "praas:s:{shop/cart}:data";
    private static final byte[] BYTES = "read ahead".getBytes(StandardCharsets.UTF_8);
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void bytesReadAheadStandInForTheSnapshotWhenTheActivationNamesTheirKeyAndVersion() {
        SnapshotPrefetch prefetch = new SnapshotPrefetch(KEY, CompletableFuture.completedFuture(new VersionedSnapshot("7f3a", BYTES)));

        assertThat(prefetch.bytesFor(KEY, "7f3a", WAIT)).isEqualTo(BYTES);
    }

    @Test
    void bytesReadBeforeAnotherWriteAreNotUsed() {
        SnapshotPrefetch prefetch = new SnapshotPrefetch(KEY, CompletableFuture.completedFuture(new VersionedSnapshot("7f3a", BYTES)));

        assertThat(prefetch.bytesFor(KEY, "c001", WAIT)).isNull();
    }

    @Test
    void bytesReadWithoutAVersionAreNotUsed() {
        // a snapshot written before writes had versions, or bytes that appeared between the two reads
        SnapshotPrefetch prefetch = new SnapshotPrefetch(KEY, CompletableFuture.completedFuture(new VersionedSnapshot(null, BYTES)));

        assertThat(prefetch.bytesFor(KEY, "7f3a", WAIT)).isNull();
        assertThat(prefetch.bytesFor(KEY, null, WAIT)).isNull();
    }

    @Test
    void bytesReadUnderAnotherKeyThanTheActivationNamesAreNotUsed() {
        // the manager's snapshot-key-prefix differs from the state service's key-prefix
        SnapshotPrefetch prefetch = new SnapshotPrefetch("other:s:{shop/cart}:data",
                CompletableFuture.completedFuture(new VersionedSnapshot("7f3a", BYTES)));

        assertThat(prefetch.bytesFor(KEY, "7f3a", WAIT)).isNull();
    }

    @Test
    void aFailedReadAheadLeavesTheSnapshotToBeReadByItsNamedKey() {
        SnapshotPrefetch prefetch = new SnapshotPrefetch(KEY,
                CompletableFuture.failedFuture(new IllegalStateException("Redis unreachable")));

        assertThat(prefetch.bytesFor(KEY, "7f3a", WAIT)).isNull();
    }

    @Test
    void aReadAheadStillRunningWhenTheWaitEndsLeavesTheSnapshotToBeReadByItsNamedKey() {
        SnapshotPrefetch prefetch = new SnapshotPrefetch(KEY, new CompletableFuture<>());

        assertThat(prefetch.bytesFor(KEY, "7f3a", Duration.ofMillis(1))).isNull();
    }
}
