package io.praas.state.problem;

import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure, the service's own and Spring MVC's (unknown route, wrong method, malformed
 * body, bad parameter), into an RFC 9457 problem detail with a {@code https://praas.io/problems/}
 * type and the request path as {@code instance}.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final String TYPE_PREFIX = "https://praas.io/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setTitle(ex.title());
        ex.properties().forEach(problem::setProperty);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), ex.status(), request);
    }

    /** Redis down or too slow: a manager may retry, so this is not reported as a bug. */
    @ExceptionHandler({DataAccessResourceFailureException.class, QueryTimeoutException.class})
    ResponseEntity<Object> handleStorageFailure(RuntimeException ex, WebRequest request) {
        log.warn("Redis unavailable while handling {}: {}", path(request), ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Redis did not answer while handling " + path(request));
        problem.setTitle("Storage unavailable");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected failure handling {}", path(request), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected failure handling " + path(request));
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The default detail names no value, and the exception's own message names Java methods.
        String detail = ex.getMostSpecificCause() instanceof JacksonException jackson
                ? "Malformed JSON body: " + jackson.getOriginalMessage()
                : "Request body is missing or unreadable";
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = Stream.concat(
                        ex.getFieldErrors().stream().map(ProblemAdvice::describe),
                        ex.getGlobalErrors().stream().map(error -> error.getDefaultMessage()))
                .collect(Collectors.joining("; ", "Invalid request body: ", ""));
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + " "
                                + error.getDefaultMessage() + " (was " + result.getArgument() + ")"))
                .collect(Collectors.joining("; ", "Invalid request: ", ""));
        return handleExceptionInternal(ex, ProblemDetail.forStatusAndDetail(status, detail), headers, status, request);
    }

    /** Every problem, ours or the framework's, passes here to get its type URI and instance. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail
                ? detail
                : ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setType(URI.create(TYPE_PREFIX + slug(ex, status)));
        problem.setInstance(URI.create(path(request)));
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String slug(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case ProblemException problem -> problem.slug();
            case HttpMessageNotReadableException notReadable -> "malformed-body";
            case MethodArgumentNotValidException notValid -> "invalid-request";
            case HandlerMethodValidationException notValid -> "invalid-request";
            case TypeMismatchException mismatch -> "invalid-parameter";
            case MissingServletRequestParameterException missing -> "invalid-parameter";
            case DataAccessResourceFailureException failure -> "storage-unavailable";
            case QueryTimeoutException timeout -> "storage-unavailable";
            default -> slugOf(status);
        };
    }

    /** "Method Not Allowed" becomes "method-not-allowed". */
    private static String slugOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "status-" + status.value()
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static String describe(FieldError error) {
        return error.getField() + " " + error.getDefaultMessage() + " (was " + error.getRejectedValue() + ")";
    }

    private static String path(WebRequest request) {
        return ((ServletWebRequest) request).getRequest().getRequestURI();
    }
}
