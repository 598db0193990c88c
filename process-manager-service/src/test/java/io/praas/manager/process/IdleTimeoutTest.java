package io.praas.manager.process;

import io.praas.manager.app.TestApps;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/** When a process counts as idle, judged by the time the injected clock gives, not by sleeping. */
class IdleTimeoutTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Executor NEVER_RUNS = task -> { };

    private final CloudProcess process = new CloudProcess(new ProcessKey("test-app", "s"),
            TestApps.withIdleTimeout(IDLE_TIMEOUT), NEVER_RUNS, 8, START, new ProcessTask() {
                @Override
                public void run(CloudProcess p) {
                }

                @Override
                public void notRun(CloudProcess p, Throwable reason) {
                }
            });

    private void activate() {
        process.mailbox().close();
        process.leaseHeldUntil(START.plus(Duration.ofDays(7)));
        process.moveTo(ProcessStatus.ACTIVE);
    }

    @Test
    void activeProcessIsIdleOnlyOnceItsIdleTimeoutHasPassed() {
        activate();

        assertThat(process.idleBeyondTimeout(START.plus(IDLE_TIMEOUT).minusMillis(1))).isFalse();
        assertThat(process.idleBeyondTimeout(START.plus(IDLE_TIMEOUT))).isTrue();
    }

    @Test
    void activityRestartsTheIdleTimer() {
        activate();
        Instant later = START.plus(Duration.ofMinutes(4));

        process.touched(later, false);

        assertThat(process.idleBeyondTimeout(START.plus(IDLE_TIMEOUT))).isFalse();
        assertThat(process.idleBeyondTimeout(later.plus(IDLE_TIMEOUT))).isTrue();
    }

    @Test
    void processWithoutALeaseIsNeverSwappedAsIdle() {
        activate();
        process.leaseHeldUntil(START.plus(Duration.ofMinutes(1)));
        assertThat(process.idleBeyondTimeout(START.plus(IDLE_TIMEOUT))).isFalse();
    }

    @Test
    void processStillAllocatingIsNeverIdle() {
        assertThat(process.idleBeyondTimeout(START.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void processWithQueuedWorkIsNotIdle() {
        process.leaseHeldUntil(START.plus(Duration.ofDays(7)));
        process.moveTo(ProcessStatus.ACTIVE);
        assertThat(process.idleBeyondTimeout(START.plus(Duration.ofDays(1)))).as("its first task is still queued").isFalse();
    }
}
