package io.praas.state.session;

import io.praas.state.name.Names;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SessionController {

    private final SessionStore sessions;

    SessionController(SessionStore sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/v1/sessions/{app}/{session}")
    SessionView info(@PathVariable String app, @PathVariable String session) {
        return sessions.info(new SessionId(app, session));
    }

    @GetMapping("/v1/apps/{app}/sessions")
    SessionPage list(
            @PathVariable String app,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        Names.requireValid(app);
        if (after != null) {
            Names.requireValid(after);
        }
        return sessions.page(app, after, limit);
    }

    @DeleteMapping("/v1/sessions/{app}/{session}")
    ResponseEntity<Void> delete(
            @PathVariable String app, @PathVariable String session, @RequestParam(required = false) Long epoch) {
        sessions.delete(new SessionId(app, session), epoch);
        return ResponseEntity.noContent().build();
    }
}
