package io.praas.sdk;

/**
 * Thrown by a function to reject its input: the caller gets a 400 problem detail with this
 * message, and the invocation's state changes are dropped like those of any failed invocation.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
