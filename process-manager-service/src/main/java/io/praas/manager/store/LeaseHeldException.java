package io.praas.manager.store;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** Another manager holds a live lease on the session, so this one must not activate it. */
public final class LeaseHeldException extends PraasException {

    private final String owner;

    public LeaseHeldException(String app, String session, String owner) {
        super(HttpStatus.CONFLICT, "process-owned-elsewhere", "Process owned elsewhere",
                "The process " + app + "/" + session + " is active on another manager (" + owner + ")");
        this.owner = owner;
    }

    @Override
    public Map<String, Object> properties() {
        return owner == null ? Map.of() : Map.of("owner", owner);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "1");
    }
}
