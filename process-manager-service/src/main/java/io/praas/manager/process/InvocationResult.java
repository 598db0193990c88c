package io.praas.manager.process;

/** A function's encoded output and how its process was activated. */
public record InvocationResult(String invocationId, ActivationKind activation, byte[] body, boolean raw) {
}
