package io.praas.sdk;

/** When a process's state reaches storage. */
public enum Durability {
    /** On swap-out and on drain only: the fastest, and PraaS's own semantics. */
    EPHEMERAL,
    /** Also periodically, at the app's checkpoint interval, when the state changed. */
    CHECKPOINT,
    /** Before each response of an invocation that changed state: an acknowledged write survives a manager crash. */
    WRITE_THROUGH
}
