package io.praas.manager.process;

import io.praas.manager.app.AppDeletingEvent;
import io.praas.manager.app.AppDeployedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Keeps live processes consistent with deployments: a new version swaps out the old one's processes. */
@Component
class AppLifecycleListener {

    private final ProcessTable table;

    AppLifecycleListener(ProcessTable table) {
        this.table = table;
    }

    /** State written by the old version is read back by the new one on the next call. */
    @EventListener
    void deployed(AppDeployedEvent event) {
        table.swapOutAll(process -> process.key().app().equals(event.app().name()) && process.app() != event.app())
                .join();
    }

    @EventListener
    void deleting(AppDeletingEvent event) {
        List<CompletableFuture<Void>> deletions = table.live().stream()
                .filter(process -> process.key().app().equals(event.app()))
                .map(process -> table.delete(process.key()).orElse(CompletableFuture.completedFuture(null))
                        .exceptionally(failure -> null))
                .toList();
        CompletableFuture.allOf(deletions.toArray(CompletableFuture[]::new)).join();
    }
}
