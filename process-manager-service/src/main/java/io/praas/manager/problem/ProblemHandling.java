package io.praas.manager.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;

/** Turns every error of the manager's HTTP API into a problem detail of the shared style. */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(PraasException.class)
    public Mono<ResponseEntity<ProblemDetail>> praas(PraasException e, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.of(e, path(exchange));
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::add);
        if (e.status().is5xxServerError()) {
            log.warn("{} {}: {}", e.status().value(), e.type(), e.getMessage(), e.getCause());
        }
        ResponseEntity<ProblemDetail> answer = ResponseEntity.status(e.status()).headers(headers).body(problem);
        return discardBody(exchange).thenReturn(answer);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    public ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large", "Payload too large", e.getMessage(), path(exchange)));
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<ProblemDetail>> unexpected(Exception e, ServerWebExchange exchange) {
        if (CallerGone.is(e)) {
            // nobody is left to read the problem, and it is not the manager's failure
            log.debug("Caller of {} went away: {}", path(exchange), e.toString());
        } else {
            log.error("Unexpected error on {}", path(exchange), e);
        }
        return discardBody(exchange).thenReturn(ResponseEntity.internalServerError()
                .body(Problems.unexpected(e, path(exchange))));
    }

    /** Gives Spring's own errors (404, 405, 415, bad input) the shared type URIs. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ex instanceof ErrorResponse response ? response.getBody()
                : ProblemDetail.forStatus(status);
        problem.setType(URI.create(Problems.TYPE_BASE + slugFor(ex, status)));
        problem.setInstance(URI.create(path(exchange)));
        return discardBody(exchange).then(super.handleExceptionInternal(ex, problem, headers, status, exchange));
    }

    /**
     * Reads what is left of the request body before the problem is written. Answering first (a 404 for an
     * unknown path, an invalid name) left about one request in two hundred on the same keep-alive
     * connection without any answer under concurrent load (Reactor Netty 1.3.6); a bundle refused for its
     * declared size and answered at once had the connection closed under the gateway still sending it,
     * which then reported a 502 instead of the 413 (one upload in five).
     */
    private static Mono<Void> discardBody(ServerWebExchange exchange) {
        return exchange.getRequest().getBody()
                .doOnNext(DataBufferUtils::release)
                // already read by the handler, or the client went away: nothing left
                .onErrorComplete()
                .then();
    }

    private static String slugFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof ServerWebInputException && ex.getCause() instanceof DecodingException) {
            return "malformed-body";
        }
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
    }

    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }
}
