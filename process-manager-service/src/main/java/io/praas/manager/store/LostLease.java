package io.praas.manager.store;

/** A lease this manager believed it held but no longer does. */
public record LostLease(String app, String session) {
}
