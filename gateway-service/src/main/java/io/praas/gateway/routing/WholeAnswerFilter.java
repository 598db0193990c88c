package io.praas.gateway.routing;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a manager's answer to the caller in one write when its length is known and small. Gateway passes an answer
 * on as a stream, and Reactor Netty then flushes the status line and headers first and the body after them: two
 * socket writes, and two packets for the caller to read. Handed the whole body at once, it writes both together.
 * Larger answers still stream, so the gateway holds no more than this of one in memory.
 */
class WholeAnswerFilter implements GlobalFilter, Ordered {

    /** Just ahead of Gateway's filter that writes the answer, so that it writes through the response given here. */
    public static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

    private final long largestWholeBody;

    WholeAnswerFilter(long largestWholeBody) {
        this.largestWholeBody = largestWholeBody;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate().response(new WholeAnswer(exchange.getResponse())).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private final class WholeAnswer extends ServerHttpResponseDecorator {

        WholeAnswer(ServerHttpResponse response) {
            super(response);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            long length = getHeaders().getContentLength();
            if (body instanceof Flux<? extends DataBuffer> stream && length > 0 && length <= largestWholeBody) {
                return super.writeWith(DataBufferUtils.join(stream));
            }
            return super.writeWith(body);
        }
    }
}
