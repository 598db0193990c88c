package io.praas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class WholeAnswerFilterTest {

    private static final int LARGEST_WHOLE_BODY = 16;

    private final WholeAnswerFilter filter = new WholeAnswerFilter(LARGEST_WHOLE_BODY);
    private final RecordingResponse server = new RecordingResponse();
    private final MockServerWebExchange exchange = MockServerWebExchange.builder(
            MockServerHttpRequest.post("/v1/apps/a/processes/s/invoke/f")).build();

    @Test
    void smallAnswerOfKnownLengthIsHandedToTheServerWholeAndUnchanged() {
        answer(10, "01234", "56789");

        assertThat(server.wholeBodies).containsExactly(true);
        assertThat(server.getBodyAsString().block()).isEqualTo("0123456789");
    }

    @Test
    void largeAnswerStreamsUnchanged() {
        answer(LARGEST_WHOLE_BODY + 2, "0123456789", "01234567");
        assertThat(server.wholeBodies).containsExactly(false);
        assertThat(server.getBodyAsString().block()).isEqualTo("012345678901234567");
    }

    @Test
    void answerOfUnknownLengthStreamsUnchanged() {
        answer(-1, "01234", "56789");
        assertThat(server.wholeBodies).containsExactly(false);
        assertThat(server.getBodyAsString().block()).isEqualTo("0123456789");
    }

    /** Runs the filter with a chain that writes the manager's answer as Gateway does: a stream of buffers. */
    private void answer(long contentLength, String... pieces) {
        filter.filter(exchange.mutate().response(server).build(), written -> {
            if (contentLength >= 0) {
                written.getResponse().getHeaders().setContentLength(contentLength);
            }
            List<DataBuffer> buffers = new ArrayList<>();
            for (String piece : pieces) {
                buffers.add(DefaultDataBufferFactory.sharedInstance.wrap(piece.getBytes(StandardCharsets.UTF_8)));
            }
            return written.getResponse().writeWith(Flux.fromIterable(buffers));
        }).block();
    }

    /** The server side of the exchange: notes whether each body came whole (one buffer, as a Mono). */
    private static final class RecordingResponse extends ServerHttpResponseDecorator {

        final List<Boolean> wholeBodies = new ArrayList<>();

        RecordingResponse() {
            super(new MockServerHttpResponse());
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            wholeBodies.add(body instanceof Mono);
            return super.writeWith(body);
        }

        Mono<String> getBodyAsString() {
            return ((MockServerHttpResponse) getDelegate()).getBodyAsString();
        }
    }
}
