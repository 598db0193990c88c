package io.praas.it.apps;

import io.praas.sdk.AppDefinition;
import io.praas.sdk.ProcessApplication;

import java.util.concurrent.CountDownLatch;

/** A bundle whose start-up code never returns (until interrupted): deploying it must be refused. */
public final class HangingDefineApp implements ProcessApplication {

    @Override
    public void define(AppDefinition app) {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while defining", e);
        }
    }
}
