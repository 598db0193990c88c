package io.praas.manager.problem;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import java.util.Map;

/** A request body over the configured limit. */
public final class PayloadTooLargeException extends PraasException {

    private final long limitBytes;

    public PayloadTooLargeException(String what, DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The " + what + " is larger than the limit of " + limit.toBytes() + " bytes");
        this.limitBytes = limit.toBytes();
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("limitBytes", limitBytes);
    }
}
