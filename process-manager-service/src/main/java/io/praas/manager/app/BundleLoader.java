package io.praas.manager.app;

import io.praas.manager.ManagerProperties;
import io.praas.manager.state.ValueCodec;
import io.praas.sdk.ProcessApplication;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/** Checks an app bundle and loads it into a class loader of its own. */
@Component
public class BundleLoader {

    private final ManagerProperties properties;
    private final SdkOnlyClassLoader sdkOnly = new SdkOnlyClassLoader(BundleLoader.class.getClassLoader());
    private final Path bundleDirectory;

    public BundleLoader(ManagerProperties properties) throws IOException {
        this.properties = properties;
        this.bundleDirectory = Files.createTempDirectory("praas-bundles-");
    }

    /** A loaded bundle before the platform has recorded it. */
    record LoadedBundle(ClassLoader classLoader, DefinitionCollector definition, ValueCodec codec) {

        public AppConfig declaredConfig() {
            return definition.config();
        }

        public List<String> functionNames() {
            return List.copyOf(definition.functions().keySet());
        }
    }

    LoadedBundle load(String app, byte[] jar) {
        requireJar(app, jar);
        URLClassLoader loader = new URLClassLoader("praas-app-" + app, new URL[]{store(app, jar)}, sdkOnly);
        DefinitionCollector definition = new DefinitionCollector(properties.defaultIdleTimeout(),
                properties.defaultInvocationTimeout(), properties.defaultCheckpointInterval());
        runAppCode(app, () -> define(app, loader, definition));
        if (definition.functions().isEmpty()) {
            throw new InvalidBundleException(app, "declares no functions");
        }
        return new LoadedBundle(loader, definition, new ValueCodec(JsonMapper.builder().build(), loader));
    }

    private static void define(String app, ClassLoader loader, DefinitionCollector definition) {
        List<ProcessApplication> applications = applications(app, loader);
        if (applications.size() != 1) {
            throw new InvalidBundleException(app, applications.isEmpty()
                    ? "declares no io.praas.sdk.ProcessApplication in META-INF/services"
                    : "declares " + applications.size() + " ProcessApplications; exactly one is allowed");
        }
        try {
            applications.getFirst().define(definition);
        } catch (RuntimeException | LinkageError e) {
            throw new InvalidBundleException(app, "failed in ProcessApplication.define", e);
        }
    }

    /**
     * Runs the bundle's own start-up code (class initialisation and {@code define}) on a thread of
     * its own, bounded by {@code praas.manager.define-timeout}: a bundle that hangs there is refused
     * instead of hanging the deployment. Its thread is interrupted and left to end by itself.
     */
    private void runAppCode(String app, Runnable appCode) {
        FutureTask<Void> task = new FutureTask<>(appCode, null);
        Thread thread = Thread.ofPlatform().daemon(true).name("praas-define-" + app).start(task);
        Duration limit = properties.defineTimeout();
        try {
            task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new InvalidBundleException(app, "did not finish ProcessApplication.define within " + limit);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidBundleException invalid) {
                throw invalid;
            }
            throw new InvalidBundleException(app, "failed while loading", e.getCause());
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new InvalidBundleException(app, "was not loaded: the deployment was interrupted");
        }
    }

    DeployedApp deploy(LoadedBundle bundle, AppDescriptor descriptor) {
        return new DeployedApp(descriptor, bundle.definition().functions(), bundle.codec(), bundle.classLoader());
    }

    private static void requireJar(String app, byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            JarEntry entry = in.getNextJarEntry();
            if (entry == null && in.getManifest() == null) {
                throw new InvalidBundleException(app, "is not a jar: it has no entries");
            }
            while (entry != null) {
                entry = in.getNextJarEntry();
            }
        } catch (IOException | SecurityException e) {
            throw new InvalidBundleException(app, "is not a valid jar", e);
        }
    }

    private URL store(String app, byte[] jar) {
        try {
            Path file = Files.createTempFile(bundleDirectory, app + "-", ".jar");
            Files.write(file, jar);
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the bundle of " + app, e);
        }
    }

    private static List<ProcessApplication> applications(String app, ClassLoader loader) {
        List<ProcessApplication> applications = new ArrayList<>();
        try {
            ServiceLoader.load(ProcessApplication.class, loader).forEach(applications::add);
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new InvalidBundleException(app, "has a ProcessApplication that cannot be loaded", e);
        }
        return applications;
    }

    @PreDestroy
    void deleteBundleFiles() throws IOException {
        FileSystemUtils.deleteRecursively(bundleDirectory);
    }
}
