package io.praas.manager.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.channel.ChannelOperations;

class ReadAfterAnswerTest {

    private final AtomicInteger readsAsked = new AtomicInteger();
    private final EmbeddedChannel connection = new EmbeddedChannel(new CountReads(), ReadAfterAnswer.INSTANCE);

    ReadAfterAnswerTest() {
        // as Reactor Netty's server connections: read only when asked; the read of becoming active is not counted
        connection.config().setAutoRead(false);
        readsAsked.set(0);
    }

    @Test
    void idleConnectionIsReadOnceAnAnswerHasBeenWrittenInFull() {
        connection.writeOneOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        connection.writeOneOutbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));
        connection.runPendingTasks();
        assertThat(readsAsked).as("not while the answer is still going out").hasValue(0);

        connection.writeOneOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
        connection.runPendingTasks();
        assertThat(readsAsked).as("written but not yet flushed").hasValue(0);

        connection.flushOutbound();
        connection.runPendingTasks();
        assertThat(readsAsked).hasValue(1);
    }

    @Test
    void idleConnectionIsReadAfterAnAnswerWrittenWholeAtOnce() {
        connection.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND));
        connection.runPendingTasks();
        assertThat(readsAsked).hasValue(1);
    }

    @Test
    void writerStillHearsHowItsWriteWentAndAVoidPromiseIsAccepted() {
        assertThat(connection.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).isSuccess()).isTrue();
        assertThat(connection.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, connection.voidPromise()))
                .as("a void promise, as Reactor Netty may pass, is allowed").isNotNull();
        connection.runPendingTasks();
        assertThat(readsAsked).hasValue(2);
    }

    @Test
    void connectionBusyWithTheNextRequestIsLeftToReactorNetty() {
        // a request taken from Reactor Netty's buffer is in progress: it reads on when that one ends
        new ChannelOperations<>(Connection.from(connection), ConnectionObserver.emptyListener()).bind();

        connection.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        connection.runPendingTasks();

        assertThat(readsAsked).hasValue(0);
    }

    /** Sits nearer the socket than the handler under test and counts the reads asked of the connection. */
    private final class CountReads extends ChannelOutboundHandlerAdapter {
        @Override
        public void read(ChannelHandlerContext ctx) {
            readsAsked.incrementAndGet();
            ctx.read();
        }
    }
}
