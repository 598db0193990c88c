package io.praas.gateway.routing;

import io.praas.gateway.GatewayProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;

/** The one route of the public API: every {@code /v1/**} call goes, unchanged, to the owning process manager. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClient(name = RoutingConfiguration.PROCESS_MANAGER, configuration = ProcessManagerLoadBalancerConfiguration.class)
public class RoutingConfiguration {

    /** Service id of the process managers in discovery. */
    public static final String PROCESS_MANAGER = "process-manager";

    /**
     * Bodies up to this size cross the gateway in one write with their headers, in both directions (most calls);
     * larger ones stream.
     */
    static final DataSize LARGEST_WHOLE_MESSAGE = DataSize.ofKilobytes(64);

    // declared in code rather than YAML so the service id is spelled once and the route cannot be lost
    // under a property prefix Gateway 5 no longer reads
    @Bean
    RouteLocator processManagerRoute(RouteLocatorBuilder routes) {
        return routes.routes()
                .route(PROCESS_MANAGER, route -> route.path("/v1/**").uri("lb://" + PROCESS_MANAGER))
                .build();
    }

    /**
     * The manager's response timeout, kept by the connection's own event loop as a read timeout. Gateway's
     * {@code httpclient.response-timeout} would arm a timer on Reactor's shared timer threads for every request
     * (two thread wake-ups per call).
     */
    @Bean
    HttpClientCustomizer managerResponseTimeout(GatewayProperties properties) {
        return httpClient -> httpClient.responseTimeout(properties.responseTimeout());
    }

    /** Forwards calls in place of Gateway's routing filter, keeping each call on one event loop. */
    @Bean
    NettyRoutingFilter loopAffineRoutingFilter(HttpClient httpClient,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters, HttpClientProperties properties) {
        return new LoopAffineRoutingFilter(httpClient, headersFilters, properties);
    }

    /** Requests to managers with bodies up to {@link #LARGEST_WHOLE_MESSAGE} leave in one write with their headers. */
    @Bean
    HttpClientCustomizer wholeRequests() {
        return httpClient -> httpClient.doOnChannelInit((observer, channel, address) -> channel.pipeline()
                .addBefore(NettyPipeline.ReactiveBridge, "praas.wholeRequest",
                        new WholeRequestHandler(LARGEST_WHOLE_MESSAGE.toBytes())));
    }

    /** Answers to callers with bodies up to {@link #LARGEST_WHOLE_MESSAGE} leave in one write with their headers. */
    @Bean
    WholeAnswerFilter wholeAnswerFilter() {
        return new WholeAnswerFilter(LARGEST_WHOLE_MESSAGE.toBytes());
    }
}
