package io.praas.it.apps;

import io.praas.sdk.AppDefinition;
import io.praas.sdk.ProcessApplication;

/** A bundle that declares no functions: deploying it must be refused. */
public final class NoFunctionsApp implements ProcessApplication {

    @Override
    public void define(AppDefinition app) {
        app.idleTimeout(java.time.Duration.ofMinutes(1));
    }
}
