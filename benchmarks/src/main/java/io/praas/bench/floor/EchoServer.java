package io.praas.bench.floor;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The physical floor: a minimal Reactor Netty server that answers every POST with its body. Runs
 * in its own JVM, like every service it is compared with.
 */
public final class EchoServer {

    private EchoServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        DisposableServer server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .route(routes -> routes.post("/**", (request, response) -> response
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
                        // Aggregated, so the answer carries a Content-Length like the platform's do.
                        .send(request.receive().aggregate().retain())))
                .bindNow();
        server.onDispose().block();
    }
}
