package io.praas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.praas.gateway.FakeManager;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** Calls through a real gateway to a real (fake) manager, from many client connections at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoopAffineRoutingTest {

    private static final FakeManager MANAGER = FakeManager.start("m1");

    private static final int CLIENT_CONNECTIONS = 8;

    @DynamicPropertySource
    static void manager(DynamicPropertyRegistry registry) {
        registry.add("praas.gateway.managers", () -> MANAGER.uri().toString());
    }

    @AfterAll
    static void stopManager() {
        MANAGER.close();
    }

    @LocalServerPort
    private int port;

    @Test
    void everyCallReachesTheManagerOverAConnectionOfTheEventLoopThatReceivedIt() {
        ConnectionProvider connections = ConnectionProvider.create("callers", CLIENT_CONNECTIONS);
        try {
            HttpClient caller = HttpClient.create(connections).baseUrl("http://127.0.0.1:" + port);
            List<String> answers = Flux.range(0, 400)
                    .flatMap(call -> caller.post().uri("/v1/apps/shop/processes/s" + call % 5 + "/invoke/echo")
                            .send(ByteBufFlux.fromString(Mono.just("call " + call)))
                            .responseContent().aggregate().asString(), CLIENT_CONNECTIONS)
                    .collectList()
                    .block(Duration.ofSeconds(60));

            assertThat(answers).hasSize(400).allSatisfy(answer -> assertThat(answer).startsWith("call "));
            assertThat(LoopRecorder.CALLS).hasSize(400);
            assertThat(LoopRecorder.CALLS).allSatisfy(call ->
                    assertThat(call.towardsManager()).isSameAs(call.fromClient()));
            Set<EventLoop> receivingLoops = LoopRecorder.CALLS.stream().map(ForwardedCall::fromClient)
                    .collect(Collectors.toSet());
            assertThat(receivingLoops).as("calls arrived on more than one event loop").hasSizeGreaterThan(1);
        } finally {
            connections.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    record ForwardedCall(EventLoop fromClient, EventLoop towardsManager) {
    }

    /** Notes the event loops of a forwarded call's two connections. */
    @TestConfiguration(proxyBeanMethods = false)
    static class LoopRecorder {

        static final Queue<ForwardedCall> CALLS = new ConcurrentLinkedQueue<>();

        @Bean
        GlobalFilter forwardedCallRecorder() {
            return new Recorder();
        }

        private static final class Recorder implements GlobalFilter, Ordered {

            @Override
            public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
                Connection towardsManager = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
                Connection fromClient = (Connection) ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
                CALLS.add(new ForwardedCall(fromClient.channel().eventLoop(), towardsManager.channel().eventLoop()));
                return chain.filter(exchange);
            }

            @Override
            public int getOrder() {
                // after routing: runs once the manager's answer has begun to arrive
                return Ordered.LOWEST_PRECEDENCE;
            }
        }
    }
}
