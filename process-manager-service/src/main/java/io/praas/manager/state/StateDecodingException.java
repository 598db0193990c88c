package io.praas.manager.state;

import java.lang.reflect.Type;

/** A state value that cannot be read back as the type asked for. */
public final class StateDecodingException extends RuntimeException {

    public StateDecodingException(String key, String storedClass, Type requested, Throwable cause) {
        super("State value '" + key + "' stored as " + storedClass + " cannot be read as " + requested.getTypeName()
                + ": " + cause.getMessage(), cause);
    }
}
