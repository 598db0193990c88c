package io.praas.sdk;

/** What a running invocation can see of its process. Valid only during that invocation. */
public interface ProcessContext {

    /** The app this process belongs to. */
    String app();

    /** The session key that, with the app, identifies this process. */
    String session();

    /** The function being invoked. */
    String function();

    /** Unique id of this invocation, also sent to the client in the {@code Praas-Invocation-Id} header. */
    String invocationId();

    /** The process state as this invocation sees it, including its own uncommitted writes. */
    ProcessState state();

    /**
     * Calls another function of this app inside this process, as part of this invocation: no HTTP and
     * no copy (the input object is handed over as is), the callee sees and writes this invocation's
     * state, and its writes commit or are dropped together with the caller's. A callee that throws
     * leaves no writes behind, even when the caller catches its exception.
     */
    <O> O call(String function, Object input, Class<O> outputType);
}
