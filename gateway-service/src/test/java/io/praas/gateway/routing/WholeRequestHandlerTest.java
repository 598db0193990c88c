package io.praas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WholeRequestHandlerTest {

    private static final int LARGEST_WHOLE_BODY = 1024;

    private final EmbeddedChannel toManager = new EmbeddedChannel(new WholeRequestHandler(LARGEST_WHOLE_BODY));

    @Test
    void headersOfASmallBodyLeaveTogetherWithItsFirstPiece() {
        HttpRequest headers = post(12);
        ChannelFuture headersWritten = toManager.writeAndFlush(headers);

        assertThat(headersWritten.isSuccess()).as("reported written, or the body would never be sent").isTrue();
        assertThat((Object) toManager.readOutbound()).as("nothing left before the body").isNull();

        ByteBuf body = Unpooled.copiedBuffer("\"0123456789\"", StandardCharsets.UTF_8);
        toManager.writeAndFlush(body);
        toManager.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat((Object) toManager.readOutbound()).isSameAs(headers);
        assertThat((Object) toManager.readOutbound()).isSameAs(body);
        assertThat((Object) toManager.readOutbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        body.release();
    }

    @Test
    void headersLeaveAtOnceWhenTheBodyIsLargeUnknownAbsentOrAwaitsAContinue() {
        HttpRequest large = post(LARGEST_WHOLE_BODY + 1);
        HttpRequest chunked = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/invoke/f");
        chunked.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        HttpRequest empty = post(0);
        HttpRequest expectingContinue = post(12);
        expectingContinue.headers().set(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE);
        HttpRequest full = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/apps");

        for (HttpRequest request : new HttpRequest[] {large, chunked, empty, expectingContinue, full}) {
            toManager.writeAndFlush(request);
            assertThat((Object) toManager.readOutbound()).isSameAs(request);
        }
    }

    @Test
    void headersWhoseBodyNeverCameDoNotGoOutAheadOfTheNextRequest() {
        toManager.writeAndFlush(post(12));
        HttpRequest next = post(LARGEST_WHOLE_BODY + 1);
        toManager.writeAndFlush(next);

        assertThat((Object) toManager.readOutbound()).isSameAs(next);
        assertThat((Object) toManager.readOutbound()).isNull();
    }

    private static HttpRequest post(int contentLength) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                "/v1/apps/a/processes/s/invoke/f");
        request.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        return request;
    }
}
