package io.praas.manager.process;

/**
 * Ends a process whose lease was lost. If no other manager has activated the session since, the
 * epoch is still current and the state is written as usual, so nothing is lost; if one has, the
 * write is refused by the fence and this copy is dropped.
 */
final class FenceTask implements ProcessTask {

    private final ProcessTable table;

    FenceTask(ProcessTable table) {
        this.table = table;
    }

    @Override
    public void run(CloudProcess process) {
        if (process.status() == ProcessStatus.ACTIVE) {
            table.surrenderLease(process);
        }
    }

    @Override
    public void notRun(CloudProcess process, Throwable reason) {
        // Already ended.
    }
}
