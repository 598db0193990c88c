package io.praas.manager.problem;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * An error a client sees as an RFC 9457 problem detail: a stable type slug, an HTTP status, a
 * detail sentence naming what went wrong, and optional extra properties.
 */
public abstract class PraasException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;

    protected PraasException(HttpStatus status, String type, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    protected PraasException(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    /** The slug of the problem type URI, e.g. {@code invalid-name}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem detail. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** Response headers that go with the problem, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
