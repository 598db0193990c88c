package io.praas.state.lease;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Body of an activation; {@code ttl} defaults to {@code praas.state.default-lease-ttl}, {@code snapshot} to
 * {@link SnapshotDelivery#INLINE}.
 */
public record ActivationRequest(
        @NotBlank @Size(max = 256) String owner,
        @DurationMin(millis = 1) Duration ttl,
        SnapshotDelivery snapshot) {

    SnapshotDelivery delivery() {
        return snapshot == null ? SnapshotDelivery.INLINE : snapshot;
    }
}
