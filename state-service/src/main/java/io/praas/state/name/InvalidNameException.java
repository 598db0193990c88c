package io.praas.state.name;

import io.praas.state.problem.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An app name or session key outside {@link Names#PATTERN}. */
public class InvalidNameException extends ProblemException {

    private final String name;

    public InvalidNameException(String name) {
        super(HttpStatus.BAD_REQUEST, "invalid-name", "Invalid name",
                "'" + name + "' is not a valid name: it must match " + Names.PATTERN.pattern());
        this.name = name;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("name", name);
    }
}
