package io.praas.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

/**
 * Gateway's routing filter, except that a call is forwarded over a manager connection owned by the event loop
 * that received it. Gateway's single connection pool hands out whichever idle connection comes first, usually
 * one on another event loop: the request then crosses threads on its way to the manager and the answer again on
 * its way back, each a wake-up of another thread. Here every event loop has connections of its own (a pool per
 * loop, inside Gateway's connection provider), so a call stays on one thread from client to manager and back.
 * It runs just ahead of Gateway's own routing filter, which then finds the call routed and passes it on (that
 * filter cannot be turned off alone: the one writing the manager's answer back goes with it).
 */
class LoopAffineRoutingFilter extends NettyRoutingFilter {

    private final Map<EventLoop, HttpClient> clients = new ConcurrentHashMap<>();

    LoopAffineRoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
            HttpClientProperties properties) {
        super(httpClient, headersFilters, properties);
    }

    @Override
    public int getOrder() {
        return ORDER - 1;
    }

    @Override
    protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
        EventLoop loop = receivingLoop(exchange);
        if (loop == null) {
            return super.getHttpClient(route, exchange);
        }
        if (route.getMetadata().containsKey(CONNECT_TIMEOUT_ATTR)) {
            // a route's own client settings; rare, so not kept (none of PraaS' routes has any)
            return super.getHttpClient(route, exchange).runOn(new OneLoop(loop));
        }
        // Gateway's client differs by route only through the metadata above; built once per loop instead of
        // once per call
        return clients.computeIfAbsent(loop, ignored -> super.getHttpClient(route, exchange).runOn(new OneLoop(loop)));
    }

    /** The event loop of the client's connection, or null when the server is not Reactor Netty's. */
    private static EventLoop receivingLoop(ServerWebExchange exchange) {
        Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return request instanceof Connection connection ? connection.channel().eventLoop() : null;
    }

    /** Loop resources of one event loop that belongs to the server: never shut down from here. */
    record OneLoop(EventLoop loop) implements LoopResources {

        @Override
        public EventLoopGroup onServer(boolean useNative) {
            return loop;
        }

        @Override
        public boolean daemon() {
            return true;
        }
    }
}
