package io.praas.manager.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

/**
 * The threads function code runs on, and the timer that enforces invocation deadlines.
 *
 * <p>Workers are platform threads, not virtual ones: a function that spins without blocking would
 * pin a virtual thread's carrier forever and starve every other process. Workers are daemon
 * threads so that an abandoned runaway invocation cannot keep the JVM from exiting.
 *
 * <p>Deadlines live on a timing wheel that ticks every {@value #DEADLINE_TICK_MILLIS} ms: starting and
 * cancelling one only queues it. A {@code ScheduledThreadPoolExecutor} woke its thread on every
 * invocation (each new deadline became the head of its empty queue), an extra context switch per call.
 */
@Component
public class FunctionRuntime {

    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().name("praas-worker-", 0).daemon(true).factory());
    static final long DEADLINE_TICK_MILLIS = 10;

    private final HashedWheelTimer deadlines = new HashedWheelTimer(
            Thread.ofPlatform().name("praas-deadlines").daemon(true).factory(), DEADLINE_TICK_MILLIS, TimeUnit.MILLISECONDS);
    private final Counter abandoned;

    public FunctionRuntime(MeterRegistry registry) {
        this.abandoned = Counter.builder("praas.invocations.abandoned")
                .description("Invocations that ran past their deadline and whose threads were abandoned")
                .register(registry);
        Gauge.builder("praas.workers.busy", workers, ThreadPoolExecutor::getActiveCount)
                .description("Threads running function code, abandoned runaways included")
                .register(registry);
    }

    Executor workers() {
        return workers;
    }

    /** Runs {@code action} on the deadline thread once {@code delay} has passed, unless cancelled first. */
    Timeout startDeadline(Duration delay, Runnable action) {
        return deadlines.newTimeout(timeout -> action.run(), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    void abandoned() {
        abandoned.increment();
    }

    @PreDestroy
    void shutdown() {
        deadlines.stop();
        workers.shutdown();
    }
}
