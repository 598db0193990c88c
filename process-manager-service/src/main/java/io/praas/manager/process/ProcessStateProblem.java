package io.praas.manager.process;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

/**
 * The process's state could not be loaded (a corrupt or unknown snapshot) or written (a value that
 * cannot be encoded). Nothing was loaded or overwritten.
 */
public final class ProcessStateProblem extends PraasException {

    private ProcessStateProblem(String type, String title, String detail, Throwable cause) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, type, title, detail, cause);
    }

    static ProcessStateProblem unreadableSnapshot(ProcessKey key, RuntimeException cause) {
        return new ProcessStateProblem("snapshot-unreadable", "Snapshot unreadable",
                "The stored snapshot of process " + key + " was refused: " + cause.getMessage(), cause);
    }

    static ProcessStateProblem unencodableState(ProcessKey key, RuntimeException cause) {
        return new ProcessStateProblem("state-not-encodable", "State not encodable",
                "The state of process " + key + " cannot be written: " + cause.getMessage(), cause);
    }

    static ProcessStateProblem unencodableOutput(ProcessKey key, String function, RuntimeException cause) {
        return new ProcessStateProblem("output-not-encodable", "Output not encodable",
                "The output of function '" + function + "' of process " + key + " cannot be encoded as JSON: "
                        + cause.getMessage() + "; its state changes were discarded", cause);
    }
}
