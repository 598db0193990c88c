package io.praas.manager.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Reads snapshots from the Redis the state service keeps them in: by the key an activation named, or ahead of the
 * activation by the key the layout gives (docs/wire-contracts.md). Only ever reads: the state service stays the one
 * writer. Blocking I/O on the calling process worker, like {@link StateServiceClient}; reads ahead on virtual threads.
 */
final class RedisSnapshotReader implements AutoCloseable {

    private static final byte[] VERSION_FIELD = "version".getBytes(StandardCharsets.UTF_8);

    private final RedisClient redis;
    private final String keyPrefix;
    private final ExecutorService prefetches =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("snapshot-prefetch-", 0).factory());

    /** {@code url} as validated by {@code ManagerProperties}; {@code keyPrefix} the state service's. */
    RedisSnapshotReader(URI url, String keyPrefix, Duration timeout, int connections) {
        this.keyPrefix = keyPrefix;
        int millis = Math.toIntExact(timeout.toMillis());
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(connections);
        pool.setMaxIdle(connections);
        pool.setMaxWait(timeout);
        this.redis = RedisClient.builder()
                .hostAndPort(url.getHost(), url.getPort() < 0 ? Protocol.DEFAULT_PORT : url.getPort())
                .clientConfig(DefaultJedisClientConfig.builder()
                        .user(JedisURIHelper.getUser(url))
                        .password(JedisURIHelper.getPassword(url))
                        .database(JedisURIHelper.getDBIndex(url))
                        .ssl(JedisURIHelper.isRedisSSLScheme(url))
                        .connectionTimeoutMillis(millis)
                        .socketTimeoutMillis(millis)
                        .build())
                .poolConfig(pool)
                .build();
    }

    /** The snapshot under {@code key}, or null when there is none (the session was deleted since). */
    byte[] read(String key) {
        return redis.get(bytes(key));
    }

    /**
     * Starts reading the session's snapshot before its lease is taken, so that the read overlaps the activation's
     * round trip instead of following it.
     */
    SnapshotPrefetch prefetch(String app, String session) {
        String keys = keyPrefix + "s:{" + app + "/" + session + "}:";
        String dataKey = keys + "data";
        return new SnapshotPrefetch(dataKey,
                CompletableFuture.supplyAsync(() -> readVersioned(keys + "snapshot", dataKey), prefetches));
    }

    /**
     * The version first, then the bytes, in one pipeline: a write landing between the two shows as the older version
     * beside the newer bytes, a pair no activation confirms (it reports the version as of the lease).
     */
    private SnapshotPrefetch.VersionedSnapshot readVersioned(String metadataKey, String dataKey) {
        try (AbstractPipeline pipeline = redis.pipelined()) {
            Response<byte[]> version = pipeline.hget(bytes(metadataKey), VERSION_FIELD);
            Response<byte[]> data = pipeline.get(bytes(dataKey));
            pipeline.sync();
            byte[] versionBytes = version.get();
            return new SnapshotPrefetch.VersionedSnapshot(
                    versionBytes == null ? null : new String(versionBytes, StandardCharsets.UTF_8), data.get());
        }
    }

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        prefetches.shutdownNow();
        redis.close();
    }
}
