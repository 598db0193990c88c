package io.praas.manager.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/** Writes a snapshot of a process that stays live (CHECKPOINT durability). */
final class CheckpointTask implements ProcessTask {

    private static final Logger log = LoggerFactory.getLogger(CheckpointTask.class);

    private final ProcessTable table;

    CheckpointTask(ProcessTable table) {
        this.table = table;
    }

    @Override
    public void run(CloudProcess process) {
        if (!process.dirty()) {
            return;
        }
        if (process.status() != ProcessStatus.ACTIVE) {
            // not now (a swap-out that failed, say): its changes still need a deadline
            table.watchCheckpoint(process);
            return;
        }
        try {
            table.writeSnapshot(process, Map.of());
        } catch (RuntimeException e) {
            if (!table.fencedOff(process, e)) {
                log.warn("Checkpoint of {} failed, will retry: {}", process.key(), e.getMessage());
                table.watchCheckpoint(process);
            }
        }
    }

    @Override
    public void notRun(CloudProcess process, Throwable reason) {
        // A process that ended has been written (swap-out) or is gone: nothing to checkpoint.
    }
}
