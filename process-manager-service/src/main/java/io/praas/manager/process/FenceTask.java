package io.praas.manager.process;

/** Ends a process whose lease was lost: another activation may exist, so this copy must stop. */
final class FenceTask implements ProcessTask {

    private final ProcessTable table;

    FenceTask(ProcessTable table) {
        this.table = table;
    }

    @Override
    public void run(CloudProcess process) {
        if (!process.status().isTerminal()) {
            table.end(process, ProcessStatus.FAILED, new LeaseLostException(process.key()));
        }
    }

    @Override
    public void notRun(CloudProcess process, Throwable reason) {
        // Already ended.
    }
}
