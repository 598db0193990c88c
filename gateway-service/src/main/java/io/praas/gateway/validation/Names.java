package io.praas.gateway.validation;

import java.util.regex.Pattern;

/** The naming rule shared by every PraaS service for app names and session keys. */
public final class Names {

    public static final String RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";

    private static final Pattern PATTERN = Pattern.compile(RULE);

    private Names() {
    }

    public static boolean isValid(String name) {
        return PATTERN.matcher(name).matches();
    }
}
