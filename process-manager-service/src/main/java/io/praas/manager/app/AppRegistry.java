package io.praas.manager.app;

import io.praas.manager.store.StateServiceClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The apps this manager can run. The state service is the record of deployed apps; this registry
 * keeps the loaded bundles and loads a bundle from the state service the first time an app is used.
 */
@Component
public class AppRegistry {

    private static final ParameterizedTypeReference<List<AppDescriptor>> DESCRIPTORS = new ParameterizedTypeReference<>() {
    };

    private final BundleLoader loader;
    private final StateServiceClient store;
    private final Clock clock;
    private final Executor blocking;
    private final ApplicationEventPublisher events;
    private final Map<String, CompletableFuture<DeployedApp>> loaded = new ConcurrentHashMap<>();

    public AppRegistry(BundleLoader loader, StateServiceClient store, Clock clock, ControlPlaneExecutor blocking,
                       ApplicationEventPublisher events) {
        this.events = events;
        this.loader = loader;
        this.store = store;
        this.clock = clock;
        this.blocking = blocking;
    }

    /** Result of a deployment: the app now in force and whether it replaced an earlier version. */
    public record Deployment(DeployedApp app, boolean created) {
    }

    /** Checks, records and loads a bundle; blocking. */
    public Deployment deploy(String name, byte[] jar, AppConfigOverrides overrides) {
        BundleLoader.LoadedBundle bundle = loader.load(name, jar);
        AppConfig config;
        try {
            config = bundle.declaredConfig().with(overrides);
        } catch (IllegalArgumentException e) {
            throw new InvalidBundleException(name, "declares an invalid configuration", e);
        }
        AppDescriptor descriptor = new AppDescriptor(name, bundle.functionNames(), config.idleTimeout(),
                config.invocationTimeout(), config.durability(), config.checkpointInterval(), digest(jar), jar.length,
                clock.instant());
        boolean created = store.descriptor(name, AppDescriptor.class).isEmpty();
        store.putBundle(name, jar);
        store.putDescriptor(name, descriptor);
        DeployedApp app = loader.deploy(bundle, descriptor);
        loaded.put(name, CompletableFuture.completedFuture(app));
        events.publishEvent(new AppDeployedEvent(app));
        return new Deployment(app, created);
    }

    /** The loaded app, loading it from the state service on first use; fails with {@link AppNotFoundException}. */
    public CompletableFuture<DeployedApp> resolve(String name) {
        return loaded.computeIfAbsent(name, this::loadInBackground);
    }

    /** Loads a stored app off the caller's thread; a failed load is forgotten so the next call tries again. */
    private CompletableFuture<DeployedApp> loadInBackground(String name) {
        CompletableFuture<DeployedApp> app = CompletableFuture.supplyAsync(() -> loadStored(name), blocking);
        // Async, so that the removal never runs inside computeIfAbsent of the same key.
        app.whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                loaded.remove(name, app);
            }
        }, blocking);
        return app;
    }

    /** The app currently loaded under this name, if any, without loading it. */
    public Optional<DeployedApp> current(String name) {
        CompletableFuture<DeployedApp> app = loaded.get(name);
        return app != null && app.isDone() && !app.isCompletedExceptionally() ? Optional.of(app.join()) : Optional.empty();
    }

    public Optional<AppDescriptor> descriptor(String name) {
        return store.descriptor(name, AppDescriptor.class);
    }

    public List<AppDescriptor> descriptors() {
        return store.descriptors(DESCRIPTORS);
    }

    /** Forgets the app here and deletes it (with all its sessions' state) from the state service. */
    public boolean delete(String name) {
        if (descriptor(name).isEmpty()) {
            return false;
        }
        events.publishEvent(new AppDeletingEvent(name));
        loaded.remove(name);
        return store.deleteApp(name);
    }

    private DeployedApp loadStored(String name) {
        AppDescriptor descriptor = store.descriptor(name, AppDescriptor.class)
                .orElseThrow(() -> new AppNotFoundException(name));
        byte[] jar = store.bundle(name).orElseThrow(() -> new AppNotFoundException(name));
        return loader.deploy(loader.load(name, jar), descriptor);
    }

    private static String digest(byte[] jar) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jar));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
