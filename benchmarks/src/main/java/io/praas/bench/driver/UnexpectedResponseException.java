package io.praas.bench.driver;

import java.nio.charset.StandardCharsets;

/** A benchmarked call answered an error: the run stops rather than measure failures. */
public final class UnexpectedResponseException extends RuntimeException {

    public UnexpectedResponseException(String url, int status, byte[] body) {
        super("POST " + url + " answered " + status + ": "
                + new String(body, 0, Math.min(body.length, 500), StandardCharsets.UTF_8));
    }
}
