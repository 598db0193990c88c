package io.praas.state.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the API reports as an RFC 9457 problem detail. The message is the problem's
 * {@code detail}; subclasses name the offending values there and in {@link #properties()}.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;

    protected ProblemException(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The last segment of the problem's type URI. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Extension members of the problem detail. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
