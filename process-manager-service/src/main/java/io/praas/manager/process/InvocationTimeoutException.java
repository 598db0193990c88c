package io.praas.manager.process;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Map;

/** An invocation ran past the app's invocation timeout; its state changes were dropped. */
public final class InvocationTimeoutException extends PraasException {

    private final String invocationId;
    private final Duration timeout;

    public InvocationTimeoutException(ProcessKey key, String function, String invocationId, Duration timeout) {
        super(HttpStatus.GATEWAY_TIMEOUT, "invocation-timeout", "Invocation timed out",
                "The function '" + function + "' of process " + key + " did not finish within " + timeout
                        + "; its state changes were discarded");
        this.invocationId = invocationId;
        this.timeout = timeout;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("invocationId", invocationId, "timeout", timeout.toString());
    }
}
