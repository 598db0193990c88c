package io.praas.manager.process;

import java.util.Locale;

/** How the process serving an invocation came to be in memory; sent as the {@code Praas-Activation} header. */
public enum ActivationKind {
    /** Newly allocated: the session had no stored state. */
    COLD,
    /** Loaded from its snapshot. */
    RESUMED,
    /** Already in memory. */
    WARM;

    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }
}
