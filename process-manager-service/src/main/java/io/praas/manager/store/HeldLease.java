package io.praas.manager.store;

/** A lease this manager holds. */
public record HeldLease(String app, String session, long epoch) {
}
