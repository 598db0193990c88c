package io.praas.manager.store;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** The state service could not be reached or failed: nothing was changed by the request. */
public final class StateServiceUnavailableException extends PraasException {

    public StateServiceUnavailableException(String operation, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "state-service-unavailable", "State service unavailable",
                "The state service could not " + operation + ": " + cause.getMessage(), cause);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "1");
    }
}
