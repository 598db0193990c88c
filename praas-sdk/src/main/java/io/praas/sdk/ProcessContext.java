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
}
