package io.praas.state.snapshot;

import io.praas.state.problem.ProblemException;
import io.praas.state.session.SessionId;
import org.springframework.http.HttpStatus;

public class SnapshotNotFoundException extends ProblemException {

    public SnapshotNotFoundException(SessionId id) {
        super(HttpStatus.NOT_FOUND, "snapshot-not-found", "Snapshot not found",
                "Session " + id + " has no stored snapshot");
    }
}
