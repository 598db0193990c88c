package io.praas.manager.state;

/** A state value that cannot be encoded, so the process cannot be swapped out or persisted. */
public final class StateEncodingException extends RuntimeException {

    public StateEncodingException(String key, String className, Throwable cause) {
        super("State value '" + key + "' of type " + className + " cannot be encoded as JSON: " + cause.getMessage(), cause);
    }
}
