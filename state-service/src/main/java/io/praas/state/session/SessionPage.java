package io.praas.state.session;

import java.util.List;

/** One page of an app's sessions in name order; {@code next} is the cursor for the following page. */
public record SessionPage(List<SessionView> sessions, String next) {
}
