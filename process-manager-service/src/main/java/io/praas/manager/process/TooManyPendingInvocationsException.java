package io.praas.manager.process;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** The process's queue of pending invocations is full. */
public final class TooManyPendingInvocationsException extends PraasException {

    private final int limit;

    public TooManyPendingInvocationsException(ProcessKey key, int limit) {
        super(HttpStatus.TOO_MANY_REQUESTS, "too-many-pending-invocations", "Too many pending invocations",
                "The process " + key + " already has " + limit + " invocations waiting; retry later");
        this.limit = limit;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("limit", limit);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "1");
    }
}
