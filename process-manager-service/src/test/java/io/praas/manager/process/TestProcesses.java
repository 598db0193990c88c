package io.praas.manager.process;

import io.praas.manager.app.TestApps;

import java.time.Duration;
import java.time.Instant;

/** Live processes for unit tests of code outside this package, without a mailbox worker. */
public final class TestProcesses {

    private TestProcesses() {
    }

    /** An active, idle process last used at {@code lastActivity}, holding its lease for a week. */
    public static CloudProcess active(String session, Instant lastActivity) {
        CloudProcess process = new CloudProcess(new ProcessKey("test-app", session), TestApps.withIdleTimeout(Duration.ofHours(1)),
                task -> { }, 8, lastActivity, new ProcessTask() {
                    @Override
                    public void run(CloudProcess p) {
                    }

                    @Override
                    public void notRun(CloudProcess p, Throwable reason) {
                    }
                });
        process.mailbox().close();
        process.leaseHeldUntil(lastActivity.plus(Duration.ofDays(7)));
        process.moveTo(ProcessStatus.ACTIVE);
        return process;
    }
}
