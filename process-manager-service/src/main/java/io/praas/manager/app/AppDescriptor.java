package io.praas.manager.app;

import io.praas.sdk.Durability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the platform records about a deployed app, stored by the state service and answered by
 * {@code GET /v1/apps/{app}}.
 */
public record AppDescriptor(String name, List<String> functions, Duration idleTimeout, Duration invocationTimeout,
                            Durability durability, Duration checkpointInterval, String bundleDigest, long bundleSize,
                            Instant deployedAt) {

    public AppConfig config() {
        return new AppConfig(idleTimeout, invocationTimeout, durability, checkpointInterval);
    }
}
