package io.praas.gateway.validation;

/** An app name or session key in the request path breaks {@link Names#RULE}. */
public final class InvalidNameException extends RuntimeException {

    private final String name;

    public InvalidNameException(String name) {
        // no stack trace: this is an expected answer to client input, not a fault
        super("'" + name + "' is not a valid app name or session key: it must match " + Names.RULE,
                null, false, false);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
