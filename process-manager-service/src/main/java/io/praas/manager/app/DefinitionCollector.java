package io.praas.manager.app;

import io.praas.manager.problem.Names;
import io.praas.sdk.AppDefinition;
import io.praas.sdk.Durability;
import io.praas.sdk.ProcessFunction;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Records what a bundle's {@code ProcessApplication.define} declares. */
final class DefinitionCollector implements AppDefinition {

    private final Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    private Duration idleTimeout;
    private Duration invocationTimeout;
    private Durability durability = Durability.EPHEMERAL;
    private Duration checkpointInterval;

    DefinitionCollector(Duration idleTimeout, Duration invocationTimeout, Duration checkpointInterval) {
        this.idleTimeout = idleTimeout;
        this.invocationTimeout = invocationTimeout;
        this.checkpointInterval = checkpointInterval;
    }

    @Override
    public AppDefinition idleTimeout(Duration idleTimeout) {
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        return this;
    }

    @Override
    public AppDefinition invocationTimeout(Duration invocationTimeout) {
        this.invocationTimeout = Objects.requireNonNull(invocationTimeout, "invocationTimeout");
        return this;
    }

    @Override
    public AppDefinition durability(Durability durability) {
        this.durability = Objects.requireNonNull(durability, "durability");
        return this;
    }

    @Override
    public AppDefinition checkpointInterval(Duration checkpointInterval) {
        this.checkpointInterval = Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> AppDefinition function(String name, Class<I> inputType, ProcessFunction<I, O> function) {
        if (name == null || !Names.PATTERN.matcher(name).matches()) {
            throw new IllegalArgumentException("function name '" + name + "' must match " + Names.PATTERN.pattern());
        }
        if (functions.containsKey(name)) {
            throw new IllegalArgumentException("function '" + name + "' is declared twice");
        }
        functions.put(name, new FunctionSpec(name, Objects.requireNonNull(inputType, "inputType"),
                (ProcessFunction<Object, Object>) Objects.requireNonNull(function, "function")));
        return this;
    }

    Map<String, FunctionSpec> functions() {
        return functions;
    }

    AppConfig config() {
        return new AppConfig(idleTimeout, invocationTimeout, durability, checkpointInterval);
    }
}
