package io.praas.bench.floor.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The gateway floor: Spring Cloud Gateway with its defaults and one route to the echo server,
 * given on the command line ({@code --spring.cloud.gateway.server.webflux.routes[0]...}). Alone in
 * its package so that component scanning finds nothing else.
 */
@SpringBootApplication
public class BareGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareGatewayApplication.class, args);
    }
}
