package io.praas.state.lease;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;

/** Body of a batch renewal: every lease the owner believes it holds. */
public record RenewalRequest(
        @NotBlank @Size(max = 256) String owner,
        @DurationMin(millis = 1) Duration ttl,
        @NotNull @Size(max = 10_000) List<@NotNull LeaseRef> leases) {

    /** A lease as its holder knows it. */
    public record LeaseRef(String app, String session, long epoch) {
    }
}
