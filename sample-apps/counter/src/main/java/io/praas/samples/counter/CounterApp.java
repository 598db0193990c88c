package io.praas.samples.counter;

import io.praas.sdk.AppDefinition;
import io.praas.sdk.InvalidInputException;
import io.praas.sdk.ProcessApplication;
import io.praas.sdk.ProcessContext;
import io.praas.sdk.ProcessState;

import java.time.Duration;

/** A counter per session: the smallest stateful app. */
public final class CounterApp implements ProcessApplication {

    static final String COUNT = "count";

    /** Input of {@code increment}: how much to add; an empty body adds one. */
    public record Increment(Long by) {
    }

    @Override
    public void define(AppDefinition app) {
        app.idleTimeout(Duration.ofMinutes(5))
                .invocationTimeout(Duration.ofSeconds(10))
                .function("increment", Increment.class, (input, context) -> increment(context.state(), input))
                .function("get", (input, context) -> count(context.state()))
                .function("fail", (input, context) -> fail(context))
                .function("spin", (input, context) -> spin(context));
    }

    private static long increment(ProcessState state, Increment input) {
        long by = input == null || input.by() == null ? 1 : input.by();
        if (by < 0) {
            throw new InvalidInputException("'by' must not be negative, was " + by);
        }
        long count = Math.addExact(count(state), by);
        state.put(COUNT, count);
        return count;
    }

    private static long count(ProcessState state) {
        return state.getOrDefault(COUNT, Long.class, 0L);
    }

    /** Increments, then throws: shows that a failed invocation leaves no trace in the state. */
    private static long fail(ProcessContext context) {
        increment(context.state(), null);
        throw new IllegalStateException("counter " + context.session() + " failed on purpose");
    }

    /** Increments, then never returns: shows the invocation timeout. */
    @SuppressWarnings("InfiniteLoopStatement")
    private static long spin(ProcessContext context) {
        increment(context.state(), null);
        long spins = 0;
        while (true) {
            spins++;
            if (spins == Long.MAX_VALUE) {
                spins = 0;
            }
        }
    }
}
