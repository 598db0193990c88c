package io.praas.manager.app;

import io.praas.manager.problem.BadRequestException;
import io.praas.sdk.Durability;
import org.springframework.util.MultiValueMap;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.Map;

/** Settings given at deploy time (query parameters) that replace what the bundle declares; null = keep. */
public record AppConfigOverrides(Duration idleTimeout, Duration invocationTimeout, Durability durability,
                                 Duration checkpointInterval) {

    private static final Set<String> KNOWN = Set.of("idleTimeout", "invocationTimeout", "durability", "checkpointInterval");

    public static AppConfigOverrides fromQuery(MultiValueMap<String, String> query) {
        for (String name : query.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new BadRequestException("unknown-parameter", "Unknown parameter",
                        "Unknown deploy parameter '" + name + "'; known are " + KNOWN, Map.of("parameter", name));
            }
        }
        return new AppConfigOverrides(
                duration(query, "idleTimeout"),
                duration(query, "invocationTimeout"),
                durability(query.getFirst("durability")),
                duration(query, "checkpointInterval"));
    }

    private static Duration duration(MultiValueMap<String, String> query, String name) {
        String value = query.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(value);
            if (duration.isNegative() || duration.isZero()) {
                throw BadRequestException.invalidParameter(name, value, "a positive ISO-8601 duration such as PT30S");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw BadRequestException.invalidParameter(name, value, "an ISO-8601 duration such as PT30S");
        }
    }

    private static Durability durability(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Durability.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw BadRequestException.invalidParameter("durability", value, "one of " + Arrays.toString(Durability.values()));
        }
    }
}
