package io.praas.manager.problem;

import java.util.regex.Pattern;

/** The one rule for app names and session keys. */
public final class Names {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Names() {
    }

    public static String requireApp(String app) {
        return require("app name", app);
    }

    public static String requireSession(String session) {
        return require("session key", session);
    }

    private static String require(String what, String name) {
        if (name == null || !PATTERN.matcher(name).matches()) {
            throw new InvalidNameException(what, String.valueOf(name));
        }
        return name;
    }
}
