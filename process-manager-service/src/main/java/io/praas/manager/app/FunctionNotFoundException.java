package io.praas.manager.app;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

import java.util.Map;
import java.util.Set;

public final class FunctionNotFoundException extends PraasException {

    private final String function;

    public FunctionNotFoundException(String app, String function, Set<String> known) {
        super(HttpStatus.NOT_FOUND, "function-not-found", "Function not found",
                "The app '" + app + "' has no function '" + function + "'; it has " + known);
        this.function = function;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("function", function);
    }
}
