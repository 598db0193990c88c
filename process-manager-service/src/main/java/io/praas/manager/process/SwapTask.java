package io.praas.manager.process;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;

/** Writes the process's state as a snapshot, releases its lease and frees it from memory. */
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
            bytes = table.writeSnapshot(process, Map.of());
        } catch (RuntimeException e) {
            if (!table.fencedOff(process, e)) {
                process.moveTo(ProcessStatus.ACTIVE);
            }
            result.completeExceptionally(e);
            return;
        }
        table.releaseQuietly(process);
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
