package io.praas.sdk;

/**
 * A function of a cloud process. The platform runs at most one invocation of a process at a
 * time (turn-based), so a function needs no locks to read and write {@link ProcessContext#state()}.
 *
 * <p>An invocation is atomic: the state changes it makes become visible only if it returns
 * normally. If it throws, or runs past the app's invocation timeout, the process state is exactly
 * as it was before the call.
 *
 * @param <I> the input type; the request body is decoded into it as JSON ({@code byte[]} receives
 *            the raw body, {@link Void} ignores it). An empty body is {@code null}.
 * @param <O> the output type; encoded as JSON for the response ({@code byte[]} is sent raw,
 *            {@code null} is an empty response)
 */
@FunctionalInterface
public interface ProcessFunction<I, O> {

    O apply(I input, ProcessContext context) throws Exception;
}
