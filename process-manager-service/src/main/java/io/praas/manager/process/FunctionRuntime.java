package io.praas.manager.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 */
@Component
public class FunctionRuntime {

    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().name("praas-worker-", 0).daemon(true).factory());
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("praas-deadlines").daemon(true).factory());
    private final Counter abandoned;

    public FunctionRuntime(MeterRegistry registry) {
        deadlines.setRemoveOnCancelPolicy(true);
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

    ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        return deadlines.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    void abandoned() {
        abandoned.increment();
    }

    @PreDestroy
    void shutdown() {
        deadlines.shutdownNow();
        workers.shutdown();
    }
}
