package io.praas.manager.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A path that exists, asked with a method it does not take; the answer names the method it does take. */
public final class MethodNotAllowedException extends PraasException {

    private final String allowed;

    public MethodNotAllowedException(String method, String allowed) {
        super(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed",
                method + " is not supported here; supported methods: [" + allowed + "]");
        this.allowed = allowed;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Allow", allowed);
    }
}
