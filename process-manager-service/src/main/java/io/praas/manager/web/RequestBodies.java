package io.praas.manager.web;

import io.praas.manager.problem.PayloadTooLargeException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/** Reads a whole request body into memory, refusing it early once it passes a limit. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body as bytes (empty when there is none), or a 413 problem naming {@code what} past {@code limit}. */
    public static Mono<byte[]> read(ServerHttpRequest request, DataSize limit, String what) {
        long maxBytes = limit.toBytes();
        if (request.getHeaders().getContentLength() > maxBytes) {
            return Mono.error(new PayloadTooLargeException(what, limit));
        }
        return DataBufferUtils.join(request.getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> new PayloadTooLargeException(what, limit));
    }
}
