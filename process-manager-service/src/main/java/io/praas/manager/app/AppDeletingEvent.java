package io.praas.manager.app;

/** An app is about to be deleted with all its state; its live processes must end first. */
public record AppDeletingEvent(String app) {
}
