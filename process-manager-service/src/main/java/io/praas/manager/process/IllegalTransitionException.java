package io.praas.manager.process;

/** A lifecycle move the transition table does not allow: always a bug in the manager. */
public final class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(ProcessKey key, ProcessStatus from, ProcessStatus to) {
        super("Process " + key + " cannot move from " + from + " to " + to);
    }
}
