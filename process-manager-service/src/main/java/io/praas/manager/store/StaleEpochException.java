package io.praas.manager.store;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

/** A write fenced off because another activation of the session has happened since. */
public final class StaleEpochException extends PraasException {

    public StaleEpochException(String app, String session, long epoch) {
        super(HttpStatus.CONFLICT, "stale-epoch", "Stale epoch",
                "The process " + app + "/" + session + " was activated elsewhere after epoch " + epoch
                        + "; this manager's copy is fenced off");
    }
}
