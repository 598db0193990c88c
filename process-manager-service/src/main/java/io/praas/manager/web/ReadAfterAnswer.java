package io.praas.manager.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.channel.ChannelOperations;

/**
 * Asks an idle connection for more input once an answer has been written in full. Reactor Netty 1.3.6 reads a
 * kept-alive connection only when asked, and when it takes a request it buffered while the previous one was still
 * being answered, it can end up with nothing in progress and no read asked for: the client's next request then lies
 * unread in the socket for good (reactor-netty #4347, fixed in 1.3.8, which needs a Netty whose native transport is
 * not served here). A connection still busy with a request is left alone: Reactor Netty reads it on when that
 * request ends, and reading early would only pile up what a pipelining client sends.
 */
@ChannelHandler.Sharable
final class ReadAfterAnswer extends ChannelOutboundHandlerAdapter {

    static final String NAME = "praas.readAfterAnswer";
    static final ReadAfterAnswer INSTANCE = new ReadAfterAnswer();

    private ReadAfterAnswer() {
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof LastHttpContent)) {
            ctx.write(msg, promise);
            return;
        }
        ChannelPromise written = promise.unvoid();
        // checked once Reactor Netty has finished the exchange and taken any request it had buffered
        written.addListener(done -> ctx.executor().execute(() -> readIfIdle(ctx)));
        ctx.write(msg, written);
    }

    private static void readIfIdle(ChannelHandlerContext ctx) {
        if (ChannelOperations.get(ctx.channel()) == null) {
            ctx.read();
        }
    }
}
