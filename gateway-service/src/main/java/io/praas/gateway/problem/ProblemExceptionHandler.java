package io.praas.gateway.problem;

import io.praas.gateway.GatewayProperties;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers every error raised inside the gateway with an RFC 9457 problem detail. Responses that come
 * from a manager, problems included, are not errors here and pass through untouched.
 */
@Component
@Order(ProblemExceptionHandler.ORDER)
public final class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    /** Before Spring Boot's {@code DefaultErrorWebExceptionHandler} (order -1), which would answer plain JSON. */
    public static final int ORDER = -2;

    private static final Log log = LogFactory.getLog(ProblemExceptionHandler.class);

    private final ServerResponse.Context context;
    private final String retryAfterSeconds;

    public ProblemExceptionHandler(ServerCodecConfigurer codecs, GatewayProperties properties) {
        this.context = new CodecContext(codecs.getWriters());
        this.retryAfterSeconds = Long.toString(properties.retryAfterSeconds());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getURI().getRawPath();
        ProblemDetail problem = ProblemMapper.toProblem(error, path);
        logProblem(exchange, problem, error);
        // a failed proxy call may already have copied some of the manager's headers
        exchange.getResponse().getHeaders().clear();
        return discardRequestBody(exchange).then(ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> addRetryAfter(headers, problem))
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context)));
    }

    /**
     * Reads what is left of the request body. HTTP/1.1 wants it read before the connection serves the next
     * request, and a body nobody subscribed to (the manager was never reached) left about one keep-alive
     * connection in a hundred without an answer under concurrent load (Reactor Netty 1.3.6).
     */
    private static Mono<Void> discardRequestBody(ServerWebExchange exchange) {
        return exchange.getRequest().getBody()
                .doOnNext(DataBufferUtils::release)
                // the proxy already consumed it, or the client went away: nothing left to read
                .onErrorComplete()
                .then();
    }

    private void addRetryAfter(HttpHeaders headers, ProblemDetail problem) {
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
    }

    private static void logProblem(ServerWebExchange exchange, ProblemDetail problem, Throwable error) {
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath();
        if (problem.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            log.error(request + " failed", error);
        } else if (problem.getStatus() >= 500) {
            log.warn(request + " answered " + problem.getStatus() + ": " + error);
        } else if (log.isDebugEnabled()) {
            log.debug(request + " answered " + problem.getStatus() + ": " + error.getMessage());
        }
    }

    /** Writes with the application's own codecs, so problems are encoded like any other JSON it sends. */
    private record CodecContext(List<HttpMessageWriter<?>> messageWriters) implements ServerResponse.Context {

        @Override
        public List<ViewResolver> viewResolvers() {
            return List.of();
        }
    }
}
