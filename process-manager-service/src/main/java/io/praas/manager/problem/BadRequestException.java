package io.praas.manager.problem;

import org.springframework.http.HttpStatus;

import java.util.Map;

/** A request parameter or body the manager cannot accept. */
public final class BadRequestException extends PraasException {

    private final Map<String, Object> properties;

    public BadRequestException(String type, String title, String detail, Map<String, Object> properties) {
        super(HttpStatus.BAD_REQUEST, type, title, detail);
        this.properties = Map.copyOf(properties);
    }

    public static BadRequestException invalidParameter(String parameter, String value, String expected) {
        return new BadRequestException("invalid-parameter", "Invalid parameter",
                "The parameter '" + parameter + "' has the invalid value '" + value + "': expected " + expected,
                Map.of("parameter", parameter, "value", value));
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
