package io.praas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class GatewayPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

    @Test
    void defaultsLeaveManagersToDiscoveryReusedForFiveSecondsRetryAfterOneSecondAndWaitAMinuteForAnswers() {
        runner.run(context -> {
            GatewayProperties properties = context.getBean(GatewayProperties.class);
            assertThat(properties.managers()).isEmpty();
            assertThat(properties.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.managerListTtl()).isEqualTo(Duration.ofSeconds(5));
        });
    }

    @Test
    void managersBindFromACommaSeparatedValueAsAnEnvironmentVariableGivesIt() {
        runner.withPropertyValues("praas.gateway.managers=http://m1:8081,https://m2").run(context ->
                assertThat(context.getBean(GatewayProperties.class).managers())
                        .containsExactly(URI.create("http://m1:8081"), URI.create("https://m2")));
    }

    @Test
    void managerThatIsNotAnHttpUriFailsStartup() {
        runner.withPropertyValues("praas.gateway.managers=m1:8081").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("every manager"));
    }

    @Test
    void retryAfterBelowOneSecondFailsStartup() {
        runner.withPropertyValues("praas.gateway.retry-after=500ms").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("retry-after"));
    }

    @Test
    void responseTimeoutOfZeroFailsStartup() {
        runner.withPropertyValues("praas.gateway.response-timeout=0s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("response-timeout"));
    }

    @Test
    void managerListTtlOfZeroFailsStartup() {
        runner.withPropertyValues("praas.gateway.manager-list-ttl=0s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("manager-list-ttl"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class Config {
    }
}
