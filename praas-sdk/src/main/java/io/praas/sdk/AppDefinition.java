package io.praas.sdk;

import java.time.Duration;

/**
 * What a bundle declares: its functions and the defaults of its configuration. Every setting can
 * be overridden when the app is deployed.
 */
public interface AppDefinition {

    /** How long a process may stay idle before it is swapped out. */
    AppDefinition idleTimeout(Duration idleTimeout);

    /** How long one invocation may run before the caller gets a timeout and its changes are dropped. */
    AppDefinition invocationTimeout(Duration invocationTimeout);

    /** When state reaches storage. */
    AppDefinition durability(Durability durability);

    /** How often state is checkpointed in {@link Durability#CHECKPOINT} mode. */
    AppDefinition checkpointInterval(Duration checkpointInterval);

    /** Declares a function whose request body is decoded into {@code inputType}. */
    <I, O> AppDefinition function(String name, Class<I> inputType, ProcessFunction<I, O> function);

    /** Declares a function that takes no input. */
    default <O> AppDefinition function(String name, ProcessFunction<Void, O> function) {
        return function(name, Void.class, function);
    }
}
