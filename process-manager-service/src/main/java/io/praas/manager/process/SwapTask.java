package io.praas.manager.process;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Writes the process's state as a snapshot, releasing its lease in the same call, and frees it from memory. */
final class SwapTask implements ProcessTask {

    private final ProcessTable table;
    private final CompletableFuture<ProcessView> result = new CompletableFuture<>();

    SwapTask(ProcessTable table) {
        this.table = table;
    }

    CompletableFuture<ProcessView> result() {
        return result;
    }

    @Override
    public void run(CloudProcess process) {
        if (process.status() != ProcessStatus.ACTIVE) {
            result.complete(table.view(process));
            return;
        }
        long started = System.nanoTime();
        process.moveTo(ProcessStatus.SWAPPING_OUT);
        int bytes;
        try {
            bytes = table.writeFinalSnapshot(process);
        } catch (RuntimeException e) {
            if (!table.fencedOff(process, e)) {
                process.moveTo(ProcessStatus.ACTIVE);
                // The write may have been applied, and with it the release, before the answer got lost:
                // without knowing it still holds the lease, the process must not serve. Its next
                // invocation saves its state again (or learns it was fenced) before anything runs.
                process.leaseHeldUntil(Instant.MIN);
            }
            result.completeExceptionally(e);
            return;
        }
        table.end(process, ProcessStatus.SWAPPED, null);
        table.swapOuts().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        result.complete(new ProcessView(process.key().app(), process.key().session(), ProcessStatus.SWAPPED, null,
                process.epoch(), process.stateKeys(), null, null, process.lastActivity(), (long) bytes,
                process.lastPersisted()));
    }

    @Override
    public void notRun(CloudProcess process, Throwable reason) {
        if (reason == null) {
            result.complete(table.view(process));
        } else {
            result.completeExceptionally(reason);
        }
    }
}
