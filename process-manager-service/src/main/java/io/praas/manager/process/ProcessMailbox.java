package io.praas.manager.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The turn-based executor of one process: tasks run one at a time, in arrival order, on a worker
 * borrowed from a shared pool while there is work. A task whose worker is stuck (an invocation past
 * its deadline) can be abandoned: the mailbox then continues on a fresh worker and the stuck one
 * leaves as soon as it returns.
 */
final class ProcessMailbox {

    private static final Logger log = LoggerFactory.getLogger(ProcessMailbox.class);

    enum Offer { ACCEPTED, FULL, CLOSED }

    private final Object lock = new Object();
    private final ArrayDeque<ProcessTask> queue = new ArrayDeque<>();
    private final Executor workers;
    private final int capacity;
    private final CloudProcess process;
    private int counted;
    private boolean draining;
    private boolean closed;
    private long generation;
    private ProcessTask running;

    ProcessMailbox(CloudProcess process, Executor workers, int capacity) {
        this.process = process;
        this.workers = workers;
        this.capacity = capacity;
    }

    /** Queues the task that must run before any other, without starting a worker yet. */
    void first(ProcessTask task) {
        synchronized (lock) {
            queue.addFirst(task);
            if (task.counted()) {
                counted++;
            }
        }
    }

    Offer offer(ProcessTask task) {
        synchronized (lock) {
            if (closed) {
                return Offer.CLOSED;
            }
            if (task.counted()) {
                if (counted >= capacity) {
                    return Offer.FULL;
                }
                counted++;
            }
            queue.add(task);
            if (!draining) {
                draining = true;
                startWorker(generation);
            }
            return Offer.ACCEPTED;
        }
    }

    /** Stops taking tasks and hands back those not yet run. */
    List<ProcessTask> close() {
        synchronized (lock) {
            closed = true;
            List<ProcessTask> rest = List.copyOf(queue);
            queue.clear();
            counted = 0;
            return rest;
        }
    }

    /**
     * Gives up on {@code task}'s worker if it is still running it, and interrupts that worker; the
     * mailbox goes on with a new one. The interrupt happens under the lock the worker needs to move
     * on, so it can only ever reach {@code task}, never work the thread picks up later.
     */
    boolean abandon(ProcessTask task, Thread worker) {
        synchronized (lock) {
            if (running != task) {
                return false;
            }
            worker.interrupt();
            running = null;
            generation++;
            if (queue.isEmpty() || closed) {
                draining = false;
            } else {
                startWorker(generation);
            }
            return true;
        }
    }

    /** Nothing queued and nothing running. */
    boolean isIdle() {
        synchronized (lock) {
            return !draining && queue.isEmpty();
        }
    }

    int pending() {
        synchronized (lock) {
            return counted;
        }
    }

    private void startWorker(long workerGeneration) {
        workers.execute(() -> drain(workerGeneration));
    }

    private void drain(long workerGeneration) {
        while (true) {
            ProcessTask task;
            synchronized (lock) {
                if (workerGeneration != generation) {
                    return;
                }
                running = null;
                task = queue.poll();
                if (task == null) {
                    draining = false;
                    return;
                }
                if (task.counted()) {
                    counted--;
                }
                running = task;
            }
            try {
                task.run(process);
            } catch (RuntimeException | Error e) {
                // Tasks answer their callers themselves; this only keeps the mailbox alive after a bug.
                log.error("Task {} of process {} failed unexpectedly", task, process.key(), e);
            }
        }
    }
}
