package io.praas.manager.app;

import io.praas.manager.state.ValueCodec;
import io.praas.sdk.ProcessApplication;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Deployed apps for unit tests that run real functions, defined in the test instead of a bundle. */
public final class DefinedApps {

    private DefinedApps() {
    }

    /** The app {@code application} defines, as a bundle holding it would deploy it, with the test's class loader. */
    public static DeployedApp of(String name, ProcessApplication application) {
        DefinitionCollector definition = new DefinitionCollector(Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        application.define(definition);
        AppConfig config = definition.config();
        AppDescriptor descriptor = new AppDescriptor(name, List.copyOf(definition.functions().keySet()),
                config.idleTimeout(), config.invocationTimeout(), config.durability(), config.checkpointInterval(),
                "sha256:none", 0, Instant.EPOCH);
        ClassLoader loader = DefinedApps.class.getClassLoader();
        return new DeployedApp(descriptor, definition.functions(), new ValueCodec(JsonMapper.builder().build(), loader),
                loader);
    }
}
