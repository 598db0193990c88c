package io.praas.state.lease;

import io.praas.state.problem.ProblemException;
import io.praas.state.session.SessionId;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An activation refused because another owner holds a live lease on the session. */
public class LeaseHeldException extends ProblemException {

    private final String owner;
    private final long epoch;

    public LeaseHeldException(SessionId id, String owner, long epoch) {
        super(HttpStatus.CONFLICT, "lease-held", "Lease held",
                "Session " + id + " is leased to " + owner + " at epoch " + epoch);
        this.owner = owner;
        this.epoch = epoch;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("owner", owner, "epoch", epoch);
    }
}
