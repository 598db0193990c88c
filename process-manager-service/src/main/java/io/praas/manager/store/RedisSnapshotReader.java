package io.praas.manager.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Reads snapshots from the Redis the state service keeps them in, by the key an activation named. Only ever
 * reads, and only a key whose lease this manager was just granted: the state service stays the one writer.
 * Blocking I/O on the calling process worker, like {@link StateServiceClient}.
 */
final class RedisSnapshotReader implements AutoCloseable {

    private final RedisClient redis;

    /** {@code url} as validated by {@code ManagerProperties}. */
    RedisSnapshotReader(URI url, Duration timeout, int connections) {
        int millis = Math.toIntExact(timeout.toMillis());
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(connections);
        pool.setMaxIdle(connections);
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
        return redis.get(key.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        redis.close();
    }
}
