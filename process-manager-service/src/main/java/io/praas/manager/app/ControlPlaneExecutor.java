package io.praas.manager.app;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs blocking control-plane work (bundle loading, calls to the state service made on behalf of
 * HTTP requests) on virtual threads, away from the event loop and from process workers.
 */
@Component
public class ControlPlaneExecutor implements Executor {

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("praas-control-", 0).factory());

    @Override
    public void execute(Runnable command) {
        executor.execute(command);
    }

    @PreDestroy
    void shutdown() {
        executor.shutdown();
    }
}
