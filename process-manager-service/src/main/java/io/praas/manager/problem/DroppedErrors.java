package io.praas.manager.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

/**
 * Logs the errors Reactor reports after the request they belong to has ended ("dropped" errors). Reactor's default
 * logs each at ERROR with a stack trace; here most are a caller that reset its connection mid-upload, seen once more
 * after it was answered, and those go to debug. Any other dropped error is still logged as an error.
 */
public final class DroppedErrors {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);

    private DroppedErrors() {
    }

    /** Installs the logging for the whole JVM (Reactor's hooks are global), once, before the application starts. */
    public static void install() {
        Hooks.onErrorDropped(DroppedErrors::log);
    }

    static void log(Throwable error) {
        if (CallerGone.is(error)) {
            log.debug("A caller's connection failed after its request had ended: {}", error.toString());
        } else {
            log.error("Error after the request it belongs to had ended", error);
        }
    }
}
