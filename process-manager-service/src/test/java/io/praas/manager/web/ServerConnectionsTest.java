package io.praas.manager.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

class ServerConnectionsTest {

    @Test
    void everyHttpConnectionIsReadAgainAfterEachAnswer() {
        List<List<String>> pipelines = new CopyOnWriteArrayList<>();
        HttpServer server = new ServerConnections().readAfterEveryAnswer()
                .apply(HttpServer.create().host("127.0.0.1").port(0))
                .doOnConnection(connection -> pipelines.add(connection.channel().pipeline().names()))
                .handle((request, response) -> response.sendString(Mono.just("ok")));
        DisposableServer running = server.bindNow();
        try {
            String answer = HttpClient.create().port(running.port()).host("127.0.0.1")
                    .get().uri("/").responseContent().aggregate().asString().block(Duration.ofSeconds(10));
            assertThat(answer).isEqualTo("ok");
        } finally {
            running.disposeNow();
        }
        assertThat(pipelines).isNotEmpty().allSatisfy(names -> assertThat(names)
                .containsSubsequence(NettyPipeline.HttpCodec, ReadAfterAnswer.NAME));
    }
}
