package io.praas.manager.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Asks the connection for more input once an answer has been written in full. Reactor Netty 1.3.6 reads a kept-alive
 * connection only when asked, and when a request arrived while the previous one was still being answered it takes
 * that request from its queue without asking for the one after: the client's next request then lies unread in the
 * socket for good (reactor-netty #4347, fixed in 1.3.8, which needs a Netty whose native transport is not served
 * here). One extra read per answer is harmless: input that arrives early is queued as before.
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
        // after Reactor Netty's own listeners have finished the exchange and taken any queued request
        written.addListener(done -> ctx.executor().execute(ctx::read));
        ctx.write(msg, written);
    }
}
