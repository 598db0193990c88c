package io.praas.manager.process;

import io.praas.manager.app.AppControlPlane;
import io.praas.manager.problem.BadRequestException;
import io.praas.manager.problem.Names;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import java.util.List;

/** The process API: inspect, list, swap out and delete processes (calls are {@link InvokeRoute}'s). */
@RestController
@RequestMapping("/v1/apps/{app}/processes")
public class ProcessController {

    private static final int MAX_PAGE = 1000;

    private final ProcessTable table;
    private final ProcessQueries queries;
    private final AppControlPlane controlPlane;

    public ProcessController(ProcessTable table, ProcessQueries queries, AppControlPlane controlPlane) {
        this.table = table;
        this.queries = queries;
        this.controlPlane = controlPlane;
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

    /** A page of processes; {@code next} is the cursor for the following page, null on the last. */
    public record ProcessPage(List<ProcessView> processes, String next) {
    }

}
