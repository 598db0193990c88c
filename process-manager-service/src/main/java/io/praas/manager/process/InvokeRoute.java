package io.praas.manager.process;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.praas.manager.ManagerProperties;
import io.praas.manager.app.AppRegistry;
import io.praas.manager.problem.CallerGone;
import io.praas.manager.problem.MethodNotAllowedException;
import io.praas.manager.problem.Names;
import io.praas.manager.problem.PraasException;
import io.praas.manager.problem.Problems;
import io.praas.manager.web.BodyBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/apps/{app}/processes/{session}/invoke/{function}}, the path of every call, served by
 * Reactor Netty directly, ahead of WebFlux (which serves the rest of the API). Through WebFlux a warm call
 * paid for an exchange, a server observation, a search through every handler mapping and argument
 * resolution: about a fifth of the manager's CPU per call (docs/performance-notes.md). Errors are the
 * problems {@code ProblemHandling} writes for the rest of the API; calls are timed by
 * {@code praas.invocations}, tagged with the answer's status.
 */
@Component
final class InvokeRoute implements NettyRouteProvider {

    static final String ACTIVATION_HEADER = "Praas-Activation";
    static final String INVOCATION_ID_HEADER = "Praas-Invocation-Id";

    private static final Logger log = LoggerFactory.getLogger(InvokeRoute.class);

    private final AppRegistry apps;
    private final ProcessTable table;
    private final ManagerProperties properties;
    private final JsonMapper json;
    private final MeterRegistry registry;
    private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

    InvokeRoute(AppRegistry apps, ProcessTable table, ManagerProperties properties, JsonMapper json,
                MeterRegistry registry) {
        this.apps = apps;
        this.table = table;
        this.properties = properties;
        this.json = json;
        this.registry = registry;
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(request -> InvokePath.matches(request.uri()), this::handle);
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        Timer.Sample sample = Timer.start(registry);
        InvokePath path = InvokePath.parse(request.uri());
        return invoke(request, response, path)
                .onErrorResume(error -> problem(response, path, error))
                .doFinally(signal -> sample.stop(timer(response.status().code())));
    }

    private Mono<Void> invoke(HttpServerRequest request, HttpServerResponse response, InvokePath path) {
        if (!HttpMethod.POST.equals(request.method())) {
            return request.receive().then(Mono.error(new MethodNotAllowedException(request.method().name(), "POST")));
        }
        // a seeded reduction emits its seed for an empty body too
        return request.receive()
                .reduceWith(() -> new BodyBuffer(contentLength(request), properties.maxPayloadSize(), "invocation body"),
                        BodyBuffer::append)
                .flatMap(body -> {
                    String app = Names.requireApp(path.app());
                    String session = Names.requireSession(path.session());
                    byte[] input = body.bytes();
                    return Mono.fromFuture(() -> apps.resolve(app)
                            .thenCompose(deployed -> table.invoke(deployed, session, path.function(), input)));
                })
                .flatMap(result -> answer(response, result));
    }

    private static long contentLength(HttpServerRequest request) {
        String declared = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        return declared == null ? -1 : Long.parseLong(declared);
    }

    private static Mono<Void> answer(HttpServerResponse response, InvocationResult result) {
        byte[] output = result.body();
        response.header(ACTIVATION_HEADER, result.activation().header())
                .header(INVOCATION_ID_HEADER, result.invocationId());
        if (output.length == 0 && !result.raw()) {
            return response.status(HttpResponseStatus.NO_CONTENT).send().then();
        }
        return response.status(HttpResponseStatus.OK)
                .header(HttpHeaderNames.CONTENT_TYPE,
                        result.raw() ? MediaType.APPLICATION_OCTET_STREAM_VALUE : MediaType.APPLICATION_JSON_VALUE)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(output.length))
                .sendByteArray(Mono.just(output))
                .then();
    }

    private Mono<Void> problem(HttpServerResponse response, InvokePath path, Throwable error) {
        if (CallerGone.is(error)) {
            // the caller went away (mid-body, say): nobody to answer, and not the manager's failure
            log.debug("Caller of {} went away: {}", path.path(), error.toString());
            return Mono.empty();
        }
        if (response.hasSentHeaders()) {
            // too late for a problem: Reactor Netty closes the connection
            return Mono.error(error);
        }
        ProblemDetail problem;
        if (error instanceof PraasException e) {
            problem = Problems.of(e, path.path());
            e.headers().forEach(response::header);
            if (e.status().is5xxServerError()) {
                log.warn("{} {}: {}", e.status().value(), e.type(), e.getMessage(), e.getCause());
            }
        } else {
            log.error("Unexpected error on {}", path.path(), error);
            problem = Problems.unexpected(error, path.path());
        }
        byte[] body = json.writeValueAsBytes(problem);
        return response.status(problem.getStatus())
                .header(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
                .sendByteArray(Mono.just(body))
                .then();
    }

    private Timer timer(int status) {
        return timers.computeIfAbsent(status, code -> Timer.builder("praas.invocations")
                .description("Invoke requests answered, by status")
                .tag("status", Integer.toString(code))
                .register(registry));
    }
}
