package io.praas.manager.process;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** A function threw; its state changes were dropped. */
public final class FunctionFailedException extends PraasException {

    private final String invocationId;
    private final String exception;

    public FunctionFailedException(ProcessKey key, String function, String invocationId, Throwable cause) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, "function-failed", "Function failed",
                "The function '" + function + "' of process " + key + " threw " + cause.getClass().getName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                        + "; its state changes were discarded", cause);
        this.invocationId = invocationId;
        this.exception = cause.getClass().getName();
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("invocationId", invocationId, "exception", exception);
    }
}
