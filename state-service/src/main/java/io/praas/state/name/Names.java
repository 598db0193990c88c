package io.praas.state.name;

import java.util.regex.Pattern;

/** App names and session keys: they become parts of Redis keys and URLs, so the alphabet is closed. */
public final class Names {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Names() {
    }

    public static String requireValid(String name) {
        if (name == null || !PATTERN.matcher(name).matches()) {
            throw new InvalidNameException(String.valueOf(name));
        }
        return name;
    }
}
