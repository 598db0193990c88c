package io.praas.state.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Typed configuration of the state service.
 *
 * @param keyPrefix        prefix of every Redis key the service writes
 * @param maxSnapshotSize  largest snapshot body accepted
 * @param maxBundleSize    largest app bundle accepted
 * @param defaultLeaseTtl  lease time to live when an activation does not name one
 */
@Validated
@ConfigurationProperties("praas.state")
public record StateProperties(
        @NotBlank @DefaultValue("praas:") String keyPrefix,
        @NotNull @DefaultValue("256MB") DataSize maxSnapshotSize,
        @NotNull @DefaultValue("64MB") DataSize maxBundleSize,
        @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration defaultLeaseTtl) {

    /** Bodies are held in one array, so a limit must fit in one. */
    private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    public StateProperties {
        requireArraySized("max-snapshot-size", maxSnapshotSize);
        requireArraySized("max-bundle-size", maxBundleSize);
    }

    private static void requireArraySized(String name, DataSize size) {
        if (size != null && (size.toBytes() < 1 || size.toBytes() > LARGEST_ARRAY)) {
            throw new IllegalArgumentException(
                    "praas.state." + name + " must be between 1B and " + LARGEST_ARRAY + "B, was " + size);
        }
    }
}
