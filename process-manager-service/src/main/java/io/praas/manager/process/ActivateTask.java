package io.praas.manager.process;

import io.praas.manager.problem.PraasException;
import io.praas.manager.state.SnapshotCorruptException;
import io.praas.manager.state.UnsupportedSnapshotFormatException;
import io.praas.manager.store.Activation;
import io.praas.manager.store.StateServiceUnavailableException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The first task of every process instance: take the session's lease and load its snapshot, if any. */
final class ActivateTask implements ProcessTask {

    private final ProcessTable table;

    ActivateTask(ProcessTable table) {
        this.table = table;
    }

    @Override
    public void run(CloudProcess process) {
        long started = System.nanoTime();
        Instant requested = table.clock().instant();
        try {
            Activation activation = table.store().activate(process.key().app(), process.key().session(),
                    table.owner(), table.properties().leaseTtl());
            if (activation.snapshot() == null) {
                process.activated(activation.epoch(), ActivationKind.COLD);
            } else {
                process.moveTo(ProcessStatus.RESUMING);
                process.activated(activation.epoch(), ActivationKind.RESUMED);
                load(process, activation.snapshot());
            }
            process.leaseHeldUntil(requested.plus(table.properties().leaseTtl()));
            process.moveTo(ProcessStatus.ACTIVE);
            table.watchIdle(process);
            table.activations().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (PraasException e) {
            table.end(process, ProcessStatus.FAILED, e);
        } catch (RuntimeException e) {
            table.end(process, ProcessStatus.FAILED, new StateServiceUnavailableException("activate " + process.key(), e));
        }
    }

    private void load(CloudProcess process, byte[] snapshot) {
        try {
            process.state().load(table.snapshots().decode(snapshot));
        } catch (SnapshotCorruptException | UnsupportedSnapshotFormatException e) {
            table.releaseQuietly(process);
            throw ProcessStateProblem.unreadableSnapshot(process.key(), e);
        }
    }

    @Override
    public void notRun(CloudProcess process, Throwable reason) {
        // Always first in a new mailbox: it cannot be left behind.
    }
}
