package io.praas.manager.store;

import java.util.List;

/** One page of an app's stored sessions, in name order; {@code next} is null on the last page. */
public record SessionPage(List<StoredSession> sessions, String next) {
}
