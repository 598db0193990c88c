package io.praas.manager.app;

import io.praas.manager.state.ValueCodec;
import io.praas.sdk.Durability;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Deployed apps for unit tests that need one but no bundle. */
public final class TestApps {

    private TestApps() {
    }

    public static DeployedApp withIdleTimeout(Duration idleTimeout) {
        AppDescriptor descriptor = new AppDescriptor("test-app", List.of(), idleTimeout, Duration.ofSeconds(1),
                Durability.EPHEMERAL, Duration.ofSeconds(30), "sha256:none", 0, Instant.EPOCH);
        ClassLoader loader = TestApps.class.getClassLoader();
        return new DeployedApp(descriptor, Map.of(), new ValueCodec(JsonMapper.builder().build(), loader), loader);
    }
}
