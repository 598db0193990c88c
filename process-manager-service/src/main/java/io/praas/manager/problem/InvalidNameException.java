package io.praas.manager.problem;

import org.springframework.http.HttpStatus;

import java.util.Map;

/** An app name or session key that does not match {@link Names#PATTERN}. */
public final class InvalidNameException extends PraasException {

    private final String name;

    public InvalidNameException(String what, String name) {
        super(HttpStatus.BAD_REQUEST, "invalid-name", "Invalid name",
                "The " + what + " '" + name + "' is invalid: names must match " + Names.PATTERN.pattern());
        this.name = name;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("name", name);
    }
}
