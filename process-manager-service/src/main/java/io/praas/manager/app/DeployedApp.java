package io.praas.manager.app;

import io.praas.manager.state.ValueCodec;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An app bundle loaded in its own class loader, ready to run invocations. */
public final class DeployedApp {

    private final AppDescriptor descriptor;
    private final AppConfig config;
    private final Map<String, FunctionSpec> functions;
    private final ValueCodec codec;
    private final ClassLoader classLoader;

    DeployedApp(AppDescriptor descriptor, Map<String, FunctionSpec> functions, ValueCodec codec, ClassLoader classLoader) {
        this.descriptor = descriptor;
        this.config = descriptor.config();
        this.functions = Map.copyOf(functions);
        this.codec = codec;
        this.classLoader = classLoader;
    }

    public String name() {
        return descriptor.name();
    }

    public AppDescriptor descriptor() {
        return descriptor;
    }

    /** Built once: read by every invocation and every idle check. */
    public AppConfig config() {
        return config;
    }

    public Optional<FunctionSpec> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public Set<String> functionNames() {
        return functions.keySet();
    }

    public ValueCodec codec() {
        return codec;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }
}
