package io.praas.manager.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Builds problem details in the one style all PraaS services share. */
public final class Problems {

    public static final String TYPE_BASE = "https://praas.io/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        return problem;
    }

    /** The problem a {@link PraasException} stands for, with its extra members. */
    public static ProblemDetail of(PraasException e, String instance) {
        ProblemDetail problem = of(e.status(), e.type(), e.title(), e.getMessage(), instance);
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** A failure no specific exception describes: the class name only, details stay in the log. */
    public static ProblemDetail unexpected(Throwable e, String instance) {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The manager failed unexpectedly: " + e.getClass().getSimpleName(), instance);
    }
}
