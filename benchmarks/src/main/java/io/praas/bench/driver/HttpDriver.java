package io.praas.bench.driver;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The one HTTP client every target is measured with (Reactor Netty, kept-alive connections), so that floors and
 * platform pay the same client cost: one connection per server for requests sent one after the other, a pool for
 * concurrent ones.
 */
public final class HttpDriver implements AutoCloseable {

    private static final byte[] EMPTY = new byte[0];
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final ConnectionProvider connections = ConnectionProvider.builder("bench")
            .maxConnections(1024).pendingAcquireMaxCount(-1).build();
    private final HttpClient client = HttpClient.create(connections).keepAlive(true);
    /*
     * Requests sent one after the other go over one kept-alive connection per server. From the shared pool they did
     * not: the next request often left before the previous one's connection was back in the pool, so two or three
     * connections took turns, each served by another event loop of the server (and, behind a bare gateway, sent on
     * over a connection of yet another loop).
     */
    private final ConnectionProvider oneConnection = ConnectionProvider.builder("bench-one-at-a-time")
            .maxConnections(1).pendingAcquireMaxCount(-1).build();
    private final HttpClient oneAtATime = HttpClient.create(oneConnection).keepAlive(true);

    /** One request; fails with {@link UnexpectedResponseException} unless the answer is 2xx. */
    public byte[] post(String url, String contentType, byte[] body) {
        return exchange(oneAtATime, url, contentType, body).block(TIMEOUT);
    }

    /** Sends {@code warmup} unmeasured requests, then measures {@code iterations} one after the other. */
    public Latency latency(String url, String contentType, byte[] body, int warmup, int iterations) {
        measure(null, () -> url, contentType, body, warmup);
        Histogram histogram = Latency.newHistogram();
        measure(histogram, () -> url, contentType, body, iterations);
        return Latency.of(histogram);
    }

    /** Sends {@code count} requests one after the other, each to the next URL, recording each into {@code into} (if not null). */
    public void measure(Histogram into, Supplier<String> urls, String contentType, byte[] body, int count) {
        for (int i = 0; i < count; i++) {
            String url = urls.get();
            long start = System.nanoTime();
            post(url, contentType, body);
            long nanos = System.nanoTime() - start;
            if (into != null) {
                into.recordValue(nanos);
            }
        }
    }

    /**
     * Closed loop: {@code concurrency} callers, each sending its next request when the previous one
     * answered, for {@code duration}.
     */
    public ThroughputSample throughput(String url, String contentType, byte[] body, int concurrency, Duration duration) {
        Recorder recorder = new Recorder(60_000_000_000L, 3);
        LongAdder completed = new LongAdder();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Flux.range(0, concurrency)
                .flatMap(caller -> Mono.defer(() -> timed(url, contentType, body, recorder, completed))
                        .repeat(() -> System.nanoTime() < end), concurrency)
                .blockLast(duration.plus(TIMEOUT));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ThroughputSample(concurrency, completed.sum() / seconds, Latency.of(recorder.getIntervalHistogram()));
    }

    /** Sends one request to each of {@code count} URLs, {@code concurrency} at a time. */
    public void postAll(IntFunction<String> urls, int count, int concurrency, String contentType, byte[] body) {
        Flux.range(0, count)
                .flatMap(i -> exchange(client, urls.apply(i), contentType, body), concurrency)
                .blockLast(TIMEOUT.multipliedBy(10));
    }

    private Mono<byte[]> timed(String url, String contentType, byte[] body, Recorder recorder, LongAdder completed) {
        long start = System.nanoTime();
        return exchange(client, url, contentType, body).doOnNext(answer -> {
            recorder.recordValue(System.nanoTime() - start);
            completed.increment();
        });
    }

    private static Mono<byte[]> exchange(HttpClient client, String url, String contentType, byte[] body) {
        return client.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, contentType))
                .post().uri(url)
                // A fresh wrapper per request: Netty releases it once written. It does not copy the bytes.
                .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)))
                .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(EMPTY).map(bytes -> {
                    int status = response.status().code();
                    if (status / 100 != 2) {
                        throw new UnexpectedResponseException(url, status, bytes);
                    }
                    return bytes;
                }));
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(10));
        oneConnection.disposeLater().block(Duration.ofSeconds(10));
    }
}
