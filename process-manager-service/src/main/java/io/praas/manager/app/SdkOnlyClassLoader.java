package io.praas.manager.app;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The parent of every bundle class loader: it exposes the JDK and the PraaS SDK, nothing of the
 * manager itself, so apps cannot reach (or clash with) the platform's classes and libraries.
 */
final class SdkOnlyClassLoader extends ClassLoader {

    private static final String SDK_PACKAGE = "io.praas.sdk.";
    private static final String SDK_RESOURCES = "io/praas/sdk/";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader platform;

    SdkOnlyClassLoader(ClassLoader platform) {
        super("praas-sdk", ClassLoader.getPlatformClassLoader());
        this.platform = platform;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SDK_PACKAGE)) {
            return platform.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return name.startsWith(SDK_RESOURCES) ? platform.getResource(name) : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return name.startsWith(SDK_RESOURCES) ? platform.getResources(name) : Collections.emptyEnumeration();
    }
}
