package io.praas.manager.process;

import java.util.concurrent.CompletableFuture;

/** Deletes the process's stored state and lease, then frees it from memory. */
final class DeleteTask implements ProcessTask {

    private final ProcessTable table;
    private final CompletableFuture<Void> result = new CompletableFuture<>();

    DeleteTask(ProcessTable table) {
        this.table = table;
    }

    CompletableFuture<Void> result() {
        return result;
    }

    @Override
    public void run(CloudProcess process) {
        try {
            table.store().deleteSession(process.key().app(), process.key().session(), process.epoch());
        } catch (RuntimeException e) {
            table.fencedOff(process, e);
            result.completeExceptionally(e);
            return;
        }
        table.end(process, ProcessStatus.DELETED, null);
        result.complete(null);
    }

    /** The live instance is gone already; what is left to delete is the stored state. */
    @Override
    public void notRun(CloudProcess process, Throwable reason) {
        try {
            table.store().deleteSession(process.key().app(), process.key().session(), null);
            result.complete(null);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }
}
