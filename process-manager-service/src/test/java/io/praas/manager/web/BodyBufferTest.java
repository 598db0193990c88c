package io.praas.manager.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.praas.manager.problem.PayloadTooLargeException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BodyBufferTest {

    private static final DataSize LIMIT = DataSize.ofBytes(10_000);

    @Test
    void bodyOfDeclaredLengthArrivesWhole() {
        BodyBuffer body = new BodyBuffer(11, LIMIT, "body");
        body.append(piece("hello ")).append(piece("world"));
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("hello world");
    }

    @Test
    void bodyOfUnknownLengthGrowsAsItArrives() {
        BodyBuffer body = new BodyBuffer(-1, LIMIT, "body");
        byte[] chunk = new byte[3_000];
        chunk[2_999] = 7;
        body.append(Unpooled.wrappedBuffer(chunk)).append(Unpooled.wrappedBuffer(chunk)).append(piece("!"));
        byte[] bytes = body.bytes();
        assertThat(bytes).hasSize(6_001);
        assertThat(bytes[2_999]).isEqualTo((byte) 7);
        assertThat(bytes[5_999]).isEqualTo((byte) 7);
        assertThat(bytes[6_000]).isEqualTo((byte) '!');
    }

    @Test
    void missingBodyIsEmpty() {
        assertThat(new BodyBuffer(-1, LIMIT, "body").bytes()).isEmpty();
        assertThat(new BodyBuffer(0, LIMIT, "body").bytes()).isEmpty();
    }

    @Test
    void bodyDeclaredPastTheLimitIsReadToItsEndAndThenRefused() {
        BodyBuffer body = new BodyBuffer(20_000, LIMIT, "invocation body");
        body.append(Unpooled.wrappedBuffer(new byte[20_000]));
        assertThatThrownBy(body::bytes).isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("invocation body").hasMessageContaining("10000 bytes");
    }

    @Test
    void bodyGrowingPastTheLimitIsRefusedAtTheEnd() {
        BodyBuffer body = new BodyBuffer(-1, LIMIT, "body");
        body.append(Unpooled.wrappedBuffer(new byte[9_000]));
        body.append(Unpooled.wrappedBuffer(new byte[9_000]));
        body.append(piece("more"));
        assertThatThrownBy(body::bytes).isInstanceOf(PayloadTooLargeException.class);
    }

    @Test
    void bodyExactlyAtTheLimitIsAccepted() {
        BodyBuffer body = new BodyBuffer(-1, LIMIT, "body");
        body.append(Unpooled.wrappedBuffer(new byte[10_000]));
        assertThat(body.bytes()).hasSize(10_000);
    }

    private static ByteBuf piece(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
