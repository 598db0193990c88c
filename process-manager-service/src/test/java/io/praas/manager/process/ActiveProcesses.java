package io.praas.manager.process;

import io.praas.manager.app.DefinedApps;
import io.praas.sdk.ProcessApplication;

import java.time.Duration;

/** An active process holding a long lease, whose tasks the test runs itself on its own thread. */
final class ActiveProcesses {

    private ActiveProcesses() {
    }

    static CloudProcess of(ProcessTable table, String app, ProcessApplication application) {
        CloudProcess process = new CloudProcess(new ProcessKey(app, "s"), DefinedApps.of(app, application),
                Runnable::run, 8, table.clock().instant(), new ProcessTask() {
                    @Override
                    public void run(CloudProcess p) {
                    }

                    @Override
                    public void notRun(CloudProcess p, Throwable reason) {
                    }
                });
        process.mailbox().close();
        process.leaseHeldUntil(table.clock().instant().plus(Duration.ofDays(7)));
        process.moveTo(ProcessStatus.ACTIVE);
        return process;
    }
}
