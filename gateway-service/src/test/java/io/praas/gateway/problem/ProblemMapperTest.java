package io.praas.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.ReadTimeoutException;
import io.praas.gateway.validation.InvalidNameException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ResponseStatusException;

class ProblemMapperTest {

    private static final String PATH = "/v1/apps/shop/processes/s1/invoke/f";

    @Test
    void invalidNameIsBadRequestNamingTheValue() {
        ProblemDetail problem = ProblemMapper.toProblem(new InvalidNameException("-x"), PATH);
        assertProblem(problem, 400, "invalid-name");
        assertThat(problem.getProperties()).containsEntry("name", "-x");
        assertThat(problem.getDetail()).contains("'-x'");
    }

    @Test
    void noInstanceFromTheLoadBalancerIsNoManagerAvailable() {
        ProblemDetail problem = ProblemMapper.toProblem(
                NotFoundException.create(false, "Unable to find instance for process-manager"), PATH);
        assertProblem(problem, 503, "no-manager-available");
    }

    @Test
    void refusedOrUnresolvableManagerIsManagerUnavailable() {
        assertProblem(ProblemMapper.toProblem(new ConnectException("Connection refused"), PATH), 503, "manager-unavailable");
        assertProblem(ProblemMapper.toProblem(new IllegalStateException(new UnknownHostException("m9")), PATH),
                503, "manager-unavailable");
    }

    @Test
    void routingTimeoutIsGatewayTimeout() {
        assertProblem(ProblemMapper.toProblem(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT), PATH),
                504, "gateway-timeout");
    }

    @Test
    void managerSilentPastTheResponseTimeoutIsGatewayTimeout() {
        assertProblem(ProblemMapper.toProblem(ReadTimeoutException.INSTANCE, PATH), 504, "gateway-timeout");
    }

    @Test
    void unmatchedPathIsNotFound() {
        assertProblem(ProblemMapper.toProblem(new ResponseStatusException(HttpStatus.NOT_FOUND), "/nope"),
                404, "not-found");
    }

    @Test
    void otherStatusesAreNamedAfterTheirReasonPhrase() {
        ProblemDetail problem = ProblemMapper.toProblem(
                new ResponseStatusException(HttpStatus.METHOD_NOT_ALLOWED, "POST is not supported"), "/actuator/health");
        assertProblem(problem, 405, "method-not-allowed");
        assertThat(problem.getTitle()).isEqualTo("Method Not Allowed");
        assertThat(problem.getDetail()).isEqualTo("POST is not supported");
    }

    @Test
    void managerFailingMidAnswerIsBadGateway() {
        assertProblem(ProblemMapper.toProblem(new IOException("Connection prematurely closed"), PATH), 502, "bad-gateway");
    }

    @Test
    void anythingElseIsInternalErrorWithoutItsMessage() {
        ProblemDetail problem = ProblemMapper.toProblem(new IllegalStateException("secret internals"), PATH);
        assertProblem(problem, 500, "internal-error");
        assertThat(problem.getDetail()).doesNotContain("secret");
    }

    private static void assertProblem(ProblemDetail problem, int status, String slug) {
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getType()).isEqualTo(URI.create("https://praas.io/problems/" + slug));
        assertThat(problem.getTitle()).isNotBlank();
        assertThat(problem.getDetail()).isNotBlank();
        assertThat(problem.getInstance()).isNotNull();
    }
}
