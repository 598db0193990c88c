package io.praas.state.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.function.Function;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends commands without waiting for them, on the one Lettuce connection every command of this service shares.
 * Redis runs and answers a connection's commands in the order they were sent, so commands sent one after another
 * share a round trip and still run in that order.
 */
@Component
public class SharedConnection {

    private final RedisTemplate<String, byte[]> redis;
    private final PersistenceExceptionTranslator translator;

    public SharedConnection(RedisTemplate<String, byte[]> redis, RedisConnectionFactory connections) {
        this.redis = redis;
        this.translator = (PersistenceExceptionTranslator) connections;
    }

    @SuppressWarnings("unchecked")
    public <T> PendingReply<T> send(Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<T>> command) {
        RedisFuture<T> reply = redis.execute((RedisCallback<RedisFuture<T>>) connection ->
                command.apply((RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection()));
        return new PendingReply<>(reply, translator);
    }
}
