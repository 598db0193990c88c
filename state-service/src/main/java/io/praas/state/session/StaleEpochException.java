package io.praas.state.session;

import io.praas.state.problem.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A write or release carrying an epoch that is no longer the session's current one. */
public class StaleEpochException extends ProblemException {

    private final long epoch;
    private final long currentEpoch;

    public StaleEpochException(SessionId id, long epoch, long currentEpoch) {
        super(HttpStatus.CONFLICT, "stale-epoch", "Stale epoch",
                "Epoch " + epoch + " of session " + id + " is stale: the current epoch is " + currentEpoch);
        this.epoch = epoch;
        this.currentEpoch = currentEpoch;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("epoch", epoch, "currentEpoch", currentEpoch);
    }
}
