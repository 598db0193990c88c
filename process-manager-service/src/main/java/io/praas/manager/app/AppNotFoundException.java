package io.praas.manager.app;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

import java.util.Map;

public final class AppNotFoundException extends PraasException {

    private final String app;

    public AppNotFoundException(String app) {
        super(HttpStatus.NOT_FOUND, "app-not-found", "App not found", "No app named '" + app + "' is deployed");
        this.app = app;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("app", app);
    }
}
