package io.praas.gateway.routing;

import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Sends a forwarded request's headers together with its body when the body is small and of known length. Reactor
 * Netty writes and flushes the headers on their own and only writes the body once that write is done: two packets,
 * and the manager's event loop wakes for each. Here the headers wait for the first piece of the body and leave with
 * it, in one write; their own write is reported done at once, or the body would never come. Sits on a manager
 * connection's pipeline between Reactor Netty and the HTTP encoder.
 */
final class WholeRequestHandler extends ChannelOutboundHandlerAdapter {

    private final long largestWholeBody;
    private HttpRequest heldHeaders;

    WholeRequestHandler(long largestWholeBody) {
        this.largestWholeBody = largestWholeBody;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpRequest request) {
            // a request whose body never came does not go out ahead of the next one (its connection is not
            // reused, so this is only a guard)
            heldHeaders = null;
            if (waitsForBody(request)) {
                heldHeaders = request;
                promise.setSuccess();
                return;
            }
        } else if (heldHeaders != null) {
            // a failed write fails the body's write just after it, which Reactor Netty hears of
            ctx.write(heldHeaders, ctx.newPromise());
            heldHeaders = null;
        }
        ctx.write(msg, promise);
    }

    private boolean waitsForBody(HttpRequest request) {
        if (request instanceof FullHttpMessage || request.headers().contains(HttpHeaderNames.EXPECT)) {
            return false;
        }
        long length = HttpUtil.getContentLength(request, -1L);
        return length > 0 && length <= largestWholeBody;
    }
}
