package io.praas.manager.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProcessMailboxTest {

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final CloudProcess process = new CloudProcess(new ProcessKey("app", "session"), null, workers, 4,
            Instant.EPOCH, new ProcessTask() {
                @Override
                public void run(CloudProcess p) {
                }

                @Override
                public void notRun(CloudProcess p, Throwable reason) {
                }
            });

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    /** A task that runs an action and counts how often tasks overlap. */
    private static final class Recording implements ProcessTask {
        static final AtomicInteger running = new AtomicInteger();
        static final AtomicInteger overlaps = new AtomicInteger();
        private final Runnable action;

        Recording(Runnable action) {
            this.action = action;
        }

        @Override
        public void run(CloudProcess process) {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                action.run();
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public void notRun(CloudProcess process, Throwable reason) {
        }

        @Override
        public boolean counted() {
            return true;
        }
    }

    @Test
    void tasksRunOneAtATimeInArrivalOrder() {
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            assertThat(process.mailbox().offer(new Recording(() -> order.add(n)))).isEqualTo(ProcessMailbox.Offer.ACCEPTED);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> order.size() == 4);
        assertThat(order).containsExactly(0, 1, 2, 3);
        assertThat(Recording.overlaps).hasValue(0);
    }

    @Test
    void fullQueueRefusesFurtherInvocations() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        process.mailbox().offer(new Recording(() -> {
            started.countDown();
            awaitQuietly(release);
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(process.mailbox().offer(new Recording(() -> { }))).isEqualTo(ProcessMailbox.Offer.ACCEPTED);
        }

        assertThat(process.mailbox().offer(new Recording(() -> { }))).isEqualTo(ProcessMailbox.Offer.FULL);
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> process.mailbox().isIdle());
    }

    @Test
    void abandonedTaskIsLeftBehindAndTheRestRunOnAFreshWorker() throws InterruptedException {
        CountDownLatch stuckStarted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Thread> stuckWorker = new AtomicReference<>();
        AtomicInteger interrupted = new AtomicInteger();
        Recording stuck = new Recording(() -> {
            stuckWorker.set(Thread.currentThread());
            stuckStarted.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        AtomicInteger ranAfter = new AtomicInteger();
        process.mailbox().offer(stuck);
        assertThat(stuckStarted.await(5, TimeUnit.SECONDS)).isTrue();
        process.mailbox().offer(new ProcessTask() {
            @Override
            public void run(CloudProcess p) {
                ranAfter.incrementAndGet();
            }

            @Override
            public void notRun(CloudProcess p, Throwable reason) {
            }
        });

        assertThat(process.mailbox().abandon(stuck, stuckWorker.get())).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> ranAfter.get() == 1);
        assertThat(interrupted).as("the abandoned worker is interrupted").hasValue(1);
        assertThat(process.mailbox().abandon(stuck, stuckWorker.get())).as("only once").isFalse();
    }

    @Test
    void closedMailboxHandsBackUnrunTasks() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        process.mailbox().offer(new Recording(() -> {
            started.countDown();
            awaitQuietly(release);
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        Recording waiting = new Recording(() -> { });
        process.mailbox().offer(waiting);

        assertThat(process.mailbox().close()).containsExactly(waiting);
        assertThat(process.mailbox().offer(new Recording(() -> { }))).isEqualTo(ProcessMailbox.Offer.CLOSED);
        release.countDown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
