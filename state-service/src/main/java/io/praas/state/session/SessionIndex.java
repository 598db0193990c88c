package io.praas.state.session;

import io.praas.state.redis.KeySpace;
import io.praas.state.redis.PendingReply;
import io.praas.state.redis.SharedConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Each app's sessions as a sorted set with all scores 0, so Redis orders and pages it by name.
 * It lives under the app's hash tag, not the session's, so it is updated beside the session's
 * scripts rather than inside them.
 */
@Component
public class SessionIndex {

    private final StringRedisTemplate redis;
    private final KeySpace keys;
    private final SharedConnection connection;

    public SessionIndex(StringRedisTemplate redis, KeySpace keys, SharedConnection connection) {
        this.redis = redis;
        this.keys = keys;
        this.connection = connection;
    }

    /**
     * Sends the index update at once, without waiting for it, ahead of the script it belongs to (see
     * {@link SharedConnection}): the update costs the caller no round trip of its own.
     */
    public PendingReply<Long> addAhead(SessionId id) {
        byte[] key = keys.sessionIndex(id.app()).getBytes(StandardCharsets.UTF_8);
        byte[] member = id.session().getBytes(StandardCharsets.UTF_8);
        return connection.send(commands -> commands.zadd(key, 0, member));
    }

    public void remove(SessionId id) {
        redis.opsForZSet().remove(keys.sessionIndex(id.app()), id.session());
    }

    public boolean contains(SessionId id) {
        return redis.opsForZSet().score(keys.sessionIndex(id.app()), id.session()) != null;
    }

    /** Up to {@code count} session names after {@code after} (exclusive; null for the first page). */
    public List<String> page(String app, String after, int count) {
        Range<String> range = after == null ? Range.unbounded() : Range.rightUnbounded(Range.Bound.exclusive(after));
        return List.copyOf(redis.opsForZSet().rangeByLex(keys.sessionIndex(app), range, Limit.limit().count(count)));
    }

    public void drop(String app) {
        redis.delete(keys.sessionIndex(app));
    }
}
