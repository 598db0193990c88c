package io.praas.gateway;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Gateway settings under {@code praas.gateway}.
 *
 * @param managers   process managers to route to, e.g. {@code PRAAS_GATEWAY_MANAGERS=http://m1:8081,http://m2:8081}.
 *                   Empty (the default) means "ask Spring Cloud discovery for service {@code process-manager}";
 *                   this list exists because a discovery map key with a hyphen cannot be set from an environment variable.
 * @param retryAfter value of {@code Retry-After} on the 503 answers the gateway gives itself
 * @param responseTimeout longest a manager may stay silent while it answers (no byte read for this long); the
 *                   call then gets a 504. Managers enforce the invocation timeout themselves, so this only bounds
 *                   a manager that stopped answering altogether.
 * @param managerListTtl how long the list of discovered managers is reused before discovery is asked again (not
 *                   used with {@code managers}, which is fixed); a manager that joins or leaves a registry is
 *                   routed to, or away from, within this time
 */
@Validated
@ConfigurationProperties("praas.gateway")
public record GatewayProperties(
        @DefaultValue List<@NotNull URI> managers,
        @DefaultValue("1s") @NotNull Duration retryAfter,
        @DefaultValue("60s") @NotNull Duration responseTimeout,
        @DefaultValue("5s") @NotNull Duration managerListTtl) {

    public GatewayProperties {
        managers = List.copyOf(managers);
    }

    @AssertTrue(message = "every manager must be an absolute http or https URI with a host, e.g. http://localhost:8081")
    public boolean isEveryManagerAnHttpUri() {
        return managers.stream().allMatch(uri -> ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null);
    }

    @AssertTrue(message = "retry-after must be at least one second")
    public boolean isRetryAfterAtLeastOneSecond() {
        return retryAfter.toSeconds() >= 1;
    }

    @AssertTrue(message = "response-timeout must be at least one millisecond")
    public boolean isResponseTimeoutPositive() {
        return responseTimeout.toMillis() >= 1;
    }

    @AssertTrue(message = "manager-list-ttl must be at least one millisecond")
    public boolean isManagerListTtlPositive() {
        return managerListTtl.toMillis() >= 1;
    }

    /** Whole seconds for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retryAfter.toSeconds();
    }
}
