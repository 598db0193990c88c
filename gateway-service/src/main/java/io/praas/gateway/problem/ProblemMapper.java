package io.praas.gateway.problem;

import io.netty.handler.timeout.ReadTimeoutException;
import io.praas.gateway.validation.InvalidNameException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;

/**
 * Turns what went wrong inside the gateway into the problem detail the client sees. Details never name
 * manager addresses: they are internal.
 */
final class ProblemMapper {

    private ProblemMapper() {
    }

    /**
     * @param error    what failed
     * @param instance the raw request path, reported as the problem's {@code instance}
     */
    static ProblemDetail toProblem(Throwable error, String instance) {
        if (error instanceof InvalidNameException invalid) {
            ProblemDetail problem = GatewayProblem.INVALID_NAME.detail(invalid.getMessage(), instance);
            problem.setProperty("name", invalid.name());
            return problem;
        }
        // the load balancer found no instance at all (Gateway's NotFoundException is a 503 unless use404 is set)
        if (error instanceof NotFoundException) {
            return GatewayProblem.NO_MANAGER_AVAILABLE.detail(
                    "No process manager is available to serve " + instance + ".", instance);
        }
        // refused, unresolvable or connect timeout: the request provably never reached a manager
        if (hasCause(error, ConnectException.class) || hasCause(error, UnknownHostException.class)) {
            return GatewayProblem.MANAGER_UNAVAILABLE.detail(
                    "The process manager for " + instance + " could not be reached.", instance);
        }
        // the manager stayed silent past praas.gateway.response-timeout
        if (hasCause(error, ReadTimeoutException.class)) {
            return gatewayTimeout(instance);
        }
        if (error instanceof ResponseStatusException statusError) {
            return fromStatus(statusError, instance);
        }
        // e.g. the manager closed the connection before it answered
        if (hasCause(error, IOException.class)) {
            return GatewayProblem.BAD_GATEWAY.detail(
                    "The process manager for " + instance + " failed before it answered.", instance);
        }
        return GatewayProblem.INTERNAL_ERROR.detail("The gateway failed to handle " + instance + ".", instance);
    }

    private static ProblemDetail fromStatus(ResponseStatusException error, String instance) {
        HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
        if (status == HttpStatus.NOT_FOUND) {
            return GatewayProblem.NOT_FOUND.detail("There is nothing at " + instance + ".", instance);
        }
        if (status == HttpStatus.GATEWAY_TIMEOUT) {
            return gatewayTimeout(instance);
        }
        if (status == null) {
            return GatewayProblem.INTERNAL_ERROR.detail("The gateway failed to handle " + instance + ".", instance);
        }
        // any other status Spring raises (405, 413, 415, ...): its reason phrase names the problem
        String slug = status.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String detail = error.getReason() != null ? error.getReason() : status.getReasonPhrase();
        return GatewayProblem.problem(status, slug, status.getReasonPhrase(), detail, instance);
    }

    private static ProblemDetail gatewayTimeout(String instance) {
        return GatewayProblem.GATEWAY_TIMEOUT.detail("The process manager did not answer " + instance + " in time.", instance);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
