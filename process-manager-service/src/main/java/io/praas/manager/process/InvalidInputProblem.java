package io.praas.manager.process;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

/** The body could not be decoded into the function's input type, or the function rejected it. */
public final class InvalidInputProblem extends PraasException {

    public InvalidInputProblem(ProcessKey key, String function, String reason) {
        super(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "The input of function '" + function + "' of process " + key + " is invalid: " + reason);
    }
}
