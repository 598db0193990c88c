package io.praas.manager.process;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

public final class ProcessNotFoundException extends PraasException {

    public ProcessNotFoundException(ProcessKey key) {
        super(HttpStatus.NOT_FOUND, "process-not-found", "Process not found",
                "The process " + key + " is neither active nor stored");
    }
}
