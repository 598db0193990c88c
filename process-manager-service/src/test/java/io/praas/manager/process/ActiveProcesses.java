package io.praas.manager.process;

import io.praas.manager.ManagerProperties;
import io.praas.manager.app.DefinedApps;
import io.praas.sdk.ProcessApplication;

import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;

/**
 * An active process holding a long lease, whose tasks the test runs itself on its own thread, and
 * the manager settings such tests run under.
 */
final class ActiveProcesses {

    private ActiveProcesses() {
    }

    /** The defaults, with the state service at {@code stateService} and 8 queued invocations per process. */
    static ManagerProperties properties(URI stateService) {
        return new ManagerProperties("test", stateService, Duration.ofSeconds(1), 64, null, "praas:",
                Duration.ofSeconds(30), Duration.ofSeconds(10), 1000, Duration.ofMillis(250), Duration.ofSeconds(1),
                DataSize.ofMegabytes(16), DataSize.ofMegabytes(64), Duration.ofSeconds(10), 8, Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), 0.8, 0.1);
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
