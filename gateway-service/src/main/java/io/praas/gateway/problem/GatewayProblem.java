package io.praas.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems the gateway answers itself, each with its stable {@code type} URI. */
enum GatewayProblem {

    INVALID_NAME(HttpStatus.BAD_REQUEST, "invalid-name", "Invalid name"),
    MALFORMED_URI(HttpStatus.BAD_REQUEST, "malformed-uri", "Malformed request target"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
    BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway"),
    NO_MANAGER_AVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "no-manager-available", "No process manager available"),
    MANAGER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "manager-unavailable", "Process manager unavailable"),
    GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway timeout");

    static final String TYPE_PREFIX = "https://praas.io/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    GatewayProblem(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    ProblemDetail detail(String detail, String instance) {
        return problem(status, slug, title, detail, instance);
    }

    static ProblemDetail problem(HttpStatus status, String slug, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }
}
