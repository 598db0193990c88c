package io.praas.state.session;

import io.praas.state.problem.ProblemException;
import org.springframework.http.HttpStatus;

public class SessionNotFoundException extends ProblemException {

    public SessionNotFoundException(SessionId id) {
        super(HttpStatus.NOT_FOUND, "session-not-found", "Session not found",
                "Session " + id + " has no snapshot, no lease and is in no index");
    }
}
