package io.praas.state.app;

import io.praas.state.problem.ProblemException;
import org.springframework.http.HttpStatus;

public class AppNotFoundException extends ProblemException {

    public AppNotFoundException(String app, String missing) {
        super(HttpStatus.NOT_FOUND, "app-not-found", "App not found", "App " + app + " has no " + missing);
    }
}
