package io.praas.manager.app;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;

/** Runs blocking control-plane calls off the event loop and hands their result back as a {@link Mono}. */
@Component
public class AppControlPlane {

    private final Scheduler scheduler;

    public AppControlPlane(ControlPlaneExecutor executor) {
        this.scheduler = Schedulers.fromExecutor(executor);
    }

    public <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    public Mono<Void> run(Runnable work) {
        return Mono.<Void>fromRunnable(work).subscribeOn(scheduler);
    }
}
