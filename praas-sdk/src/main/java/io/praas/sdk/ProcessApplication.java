package io.praas.sdk;

/**
 * The entry point of an app bundle. A bundle is a jar built against this SDK that names its
 * implementation in {@code META-INF/services/io.praas.sdk.ProcessApplication}; the platform loads
 * it with {@link java.util.ServiceLoader} in the bundle's own class loader and calls
 * {@link #define} once per deployment.
 */
public interface ProcessApplication {

    /** Declares the app's functions and its default configuration. */
    void define(AppDefinition app);
}
