package io.praas.manager.process;

import io.praas.manager.ManagerProperties;
import io.praas.manager.app.AppControlPlane;
import io.praas.manager.app.AppRegistry;
import io.praas.manager.problem.BadRequestException;
import io.praas.manager.problem.Names;
import io.praas.manager.web.RequestBodies;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import java.util.List;
import java.util.Map;

/** The process API: invoke a function, inspect, list, swap out and delete processes. */
@RestController
@RequestMapping("/v1/apps/{app}/processes")
public class ProcessController {

    public static final String ACTIVATION_HEADER = "Praas-Activation";
    public static final String INVOCATION_ID_HEADER = "Praas-Invocation-Id";

    private static final int MAX_PAGE = 1000;

    private final AppRegistry apps;
    private final ProcessTable table;
    private final ProcessQueries queries;
    private final AppControlPlane controlPlane;
    private final ManagerProperties properties;

    public ProcessController(AppRegistry apps, ProcessTable table, ProcessQueries queries, AppControlPlane controlPlane,
                             ManagerProperties properties) {
        this.apps = apps;
        this.table = table;
        this.queries = queries;
        this.controlPlane = controlPlane;
        this.properties = properties;
    }

    /**
     * The hot path. It takes the whole exchange and writes the answer itself: resolving four
     * arguments and negotiating a {@code ResponseEntity} cost more CPU per call than the rest of it.
     */
    @PostMapping("/{session}/invoke/{function}")
    public Mono<Void> invoke(ServerWebExchange exchange) {
        Map<String, String> variables = exchange.getRequiredAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String app = Names.requireApp(variables.get("app"));
        String session = Names.requireSession(variables.get("session"));
        String function = variables.get("function");
        return RequestBodies.read(exchange.getRequest(), properties.maxPayloadSize(), "invocation body")
                .flatMap(body -> Mono.fromFuture(() -> apps.resolve(app)
                        .thenCompose(deployed -> table.invoke(deployed, session, function, body))))
                .flatMap(result -> write(exchange.getResponse(), result));
    }

    @GetMapping
    public Mono<ProcessPage> list(@PathVariable String app, @RequestParam(required = false) String after,
                                  @RequestParam(defaultValue = "100") int limit) {
        Names.requireApp(app);
        if (limit < 1 || limit > MAX_PAGE) {
            throw BadRequestException.invalidParameter("limit", String.valueOf(limit), "1 to " + MAX_PAGE);
        }
        return controlPlane.call(() -> queries.list(app, after, limit));
    }

    @GetMapping("/{session}")
    public Mono<ProcessView> get(@PathVariable String app, @PathVariable String session) {
        ProcessKey key = key(app, session);
        return controlPlane.call(() -> queries.describe(key));
    }

    @PostMapping("/{session}/swap")
    public Mono<ProcessView> swap(@PathVariable String app, @PathVariable String session) {
        ProcessKey key = key(app, session);
        return table.swap(key).map(Mono::fromFuture)
                .orElseGet(() -> controlPlane.call(() -> queries.describe(key)));
    }

    @DeleteMapping("/{session}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String app, @PathVariable String session) {
        ProcessKey key = key(app, session);
        Mono<Void> deleted = table.delete(key).map(Mono::fromFuture)
                .orElseGet(() -> controlPlane.run(() -> queries.deleteStored(key)));
        return deleted.then(Mono.just(ResponseEntity.noContent().build()));
    }

    private static ProcessKey key(String app, String session) {
        return new ProcessKey(Names.requireApp(app), Names.requireSession(session));
    }

    private static Mono<Void> write(ServerHttpResponse response, InvocationResult result) {
        HttpHeaders headers = response.getHeaders();
        headers.set(ACTIVATION_HEADER, result.activation().header());
        headers.set(INVOCATION_ID_HEADER, result.invocationId());
        if (result.body().length == 0 && !result.raw()) {
            response.setStatusCode(HttpStatus.NO_CONTENT);
            return response.setComplete();
        }
        headers.setContentType(result.raw() ? MediaType.APPLICATION_OCTET_STREAM : MediaType.APPLICATION_JSON);
        headers.setContentLength(result.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(result.body())));
    }

    /** A page of processes; {@code next} is the cursor for the following page, null on the last. */
    public record ProcessPage(List<ProcessView> processes, String next) {
    }

}
