package io.praas.manager.problem;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.net.URISyntaxException;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request whose target is not a URI at all (a broken percent-escape such as {@code /v1/apps/%zz})
 * with a {@code malformed-uri} problem. Spring's server adapter turns such a request away before any handler
 * or advice runs, with an empty 400, so this route, placed ahead of the application's, takes them first.
 */
// first of the routes ahead of the application: the others parse the request target
@Order(Ordered.HIGHEST_PRECEDENCE)
@Component
final class MalformedUriRoute implements NettyRouteProvider {

    private static final Logger log = LoggerFactory.getLogger(MalformedUriRoute.class);

    private final byte[] problem;

    MalformedUriRoute(JsonMapper json) {
        // no instance: the target is what could not be parsed
        this.problem = json.writeValueAsBytes(Problems.of(HttpStatus.BAD_REQUEST, "malformed-uri",
                "Malformed request target",
                "The request target is not a valid URI; percent-encode reserved characters and '%'", null));
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(request -> !isUri(request.uri()), this::answer);
    }

    private static boolean isUri(String requestTarget) {
        try {
            new URI(requestTarget);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        log.debug("{} with a malformed request target answered 400: {}", request.method(), request.uri());
        // the body, if any, stays unread: closing the connection keeps it from being taken for the next request
        return response.status(HttpResponseStatus.BAD_REQUEST)
                .keepAlive(false)
                .header(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(problem.length))
                .sendByteArray(Mono.just(problem));
    }
}
