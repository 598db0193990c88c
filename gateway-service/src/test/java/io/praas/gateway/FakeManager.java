package io.praas.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import org.reactivestreams.Publisher;

/**
 * A real HTTP server standing in for a process manager. It names itself in {@code Manager}, echoes
 * what it received, and acts out a few manager answers chosen by the function name in the path.
 */
public final class FakeManager implements AutoCloseable {

    /** Exactly the bytes the {@code problem} function answers with. */
    public static final String PROBLEM_BODY = "{\"type\":\"https://praas.io/problems/queue-full\",\"title\":\"Queue full\","
            + "\"status\":429,\"detail\":\"The process queue is full.\",\"instance\":\"/v1/apps/shop/processes/s1/invoke/problem\"}";

    private final String name;
    private final AtomicInteger requests = new AtomicInteger();
    private final DisposableServer server;

    private FakeManager(String name) {
        this.name = name;
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    public static FakeManager start(String name) {
        return new FakeManager(name);
    }

    public String name() {
        return name;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The instance id the gateway hashes this manager by (see {@code StaticManagerListSupplier}). */
    public String nodeId() {
        return uri().toString();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        requests.incrementAndGet();
        response.header("Manager", name);
        String uri = request.uri();
        if (uri.endsWith("/invoke/problem")) {
            return response.status(429)
                    .header("Content-Type", "application/problem+json")
                    .header("Retry-After", "7")
                    .sendString(Mono.just(PROBLEM_BODY), StandardCharsets.UTF_8);
        }
        if (uri.endsWith("/invoke/slow")) {
            return request.receive().then(Mono.delay(Duration.ofSeconds(30))).then(response.send());
        }
        if (uri.endsWith("/invoke/digest")) {
            return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                    .flatMap(body -> response.header("Body-Length", Integer.toString(body.length))
                            .header("Body-Sha256", sha256(body))
                            .send());
        }
        response.header("Echo-Method", request.method().name())
                .header("Echo-Uri", uri)
                .header("Praas-Activation", "warm")
                .header("Praas-Invocation-Id", name + "-" + requests.get());
        String echoHeader = request.requestHeaders().get("X-Echo");
        if (echoHeader != null) {
            response.header("Echo-X-Echo", echoHeader);
        }
        String contentType = request.requestHeaders().get("Content-Type");
        if (contentType != null) {
            response.header("Content-Type", contentType);
        }
        return response.send(request.receive().retain());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
