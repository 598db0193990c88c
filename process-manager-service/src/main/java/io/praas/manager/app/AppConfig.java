package io.praas.manager.app;

import io.praas.sdk.Durability;

import java.time.Duration;

/** The effective configuration of a deployed app: what its bundle declares, with deploy-time overrides applied. */
public record AppConfig(Duration idleTimeout, Duration invocationTimeout, Durability durability,
                        Duration checkpointInterval) {

    public AppConfig {
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("invocationTimeout", invocationTimeout);
        requirePositive("checkpointInterval", checkpointInterval);
        if (durability == null) {
            throw new IllegalArgumentException("durability is required");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }

    /** This configuration with every non-null override applied. */
    public AppConfig with(AppConfigOverrides overrides) {
        return new AppConfig(
                overrides.idleTimeout() != null ? overrides.idleTimeout() : idleTimeout,
                overrides.invocationTimeout() != null ? overrides.invocationTimeout() : invocationTimeout,
                overrides.durability() != null ? overrides.durability() : durability,
                overrides.checkpointInterval() != null ? overrides.checkpointInterval() : checkpointInterval);
    }
}
