package io.praas.gateway.validation;

import io.praas.gateway.routing.ProcessPath;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rejects a bad app name or session key at the gateway, before a manager is chosen or called: a name
 * that can never exist should cost no hop and no hash.
 */
@Component
public final class NameValidationFilter implements GlobalFilter, Ordered {

    /** Runs before every routing and load-balancing filter of the gateway. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ProcessPath path = ProcessPath.parse(exchange.getRequest().getURI().getRawPath());
        if (path.app() != null && !Names.isValid(path.app())) {
            return Mono.error(new InvalidNameException(path.app()));
        }
        if (path.session() != null && !Names.isValid(path.session())) {
            return Mono.error(new InvalidNameException(path.session()));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
