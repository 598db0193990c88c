package io.praas.manager.app;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

/** A deployed body that is not a usable app bundle. */
public final class InvalidBundleException extends PraasException {

    public InvalidBundleException(String app, String reason) {
        super(HttpStatus.BAD_REQUEST, "invalid-bundle", "Invalid app bundle", "The bundle for '" + app + "' " + reason);
    }

    public InvalidBundleException(String app, String reason, Throwable cause) {
        super(HttpStatus.BAD_REQUEST, "invalid-bundle", "Invalid app bundle",
                "The bundle for '" + app + "' " + reason + ": " + cause, cause);
    }
}
