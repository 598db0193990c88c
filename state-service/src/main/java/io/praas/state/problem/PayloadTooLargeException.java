package io.praas.state.problem;

import org.springframework.http.HttpStatus;

/** A request body above its configured limit. */
public class PayloadTooLargeException extends ProblemException {

    /**
     * @param what          what the body is, e.g. "Snapshot"
     * @param declaredBytes the Content-Length, or -1 when the body came without one
     * @param limitBytes    the configured limit
     */
    public PayloadTooLargeException(String what, long declaredBytes, long limitBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                declaredBytes < 0
                        ? what + " exceeds the limit of " + limitBytes + " bytes"
                        : what + " of " + declaredBytes + " bytes exceeds the limit of " + limitBytes + " bytes");
    }
}
