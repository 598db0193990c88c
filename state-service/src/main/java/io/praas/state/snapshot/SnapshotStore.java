package io.praas.state.snapshot;

import static io.praas.state.redis.Scripts.arg;

import io.lettuce.core.SetArgs;
import io.praas.state.redis.KeySpace;
import io.praas.state.redis.PendingReply;
import io.praas.state.redis.Replies;
import io.praas.state.redis.Scripts;
import io.praas.state.redis.SessionKeys;
import io.praas.state.redis.SharedConnection;
import io.praas.state.session.SessionId;
import io.praas.state.session.SessionIndex;
import io.praas.state.session.StaleEpochException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/** Snapshots, written only under the writer's still-current fencing epoch. */
@Service
public class SnapshotStore {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> WRITE = Scripts.load("write-snapshot", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = Scripts.load("read-snapshot", List.class);

    // a staged copy outlives its script only if the service died in between; then Redis drops it by itself
    private static final Duration STAGED_TTL = Duration.ofMinutes(1);

    private final Scripts scripts;
    private final SharedConnection connection;
    private final KeySpace keys;
    private final SessionIndex index;
    private final Clock clock;

    public SnapshotStore(Scripts scripts, SharedConnection connection, KeySpace keys, SessionIndex index, Clock clock) {
        this.scripts = scripts;
        this.connection = connection;
        this.keys = keys;
        this.index = index;
        this.clock = clock;
    }

    /** Writes the snapshot under {@code epoch}; with {@code release}, also frees the lease in the same atomic step. */
    public void write(SessionId id, long epoch, byte[] data, boolean release) {
        SessionKeys sessionKeys = keysOf(id);
        // harmless even when the epoch is stale: a session with an epoch is in the index already
        PendingReply<Long> indexed = index.addAhead(id);
        // the bytes go ahead by a plain SET; the script checks the epoch and renames them into place
        long version = ThreadLocalRandom.current().nextLong();
        String staged = sessionKeys.staged(version);
        PendingReply<String> staging = connection.send(commands ->
                commands.set(arg(staged), data, SetArgs.Builder.px(STAGED_TTL.toMillis())));
        List<Object> reply = Replies.array(scripts.run(WRITE,
                List.of(sessionKeys.epoch(), sessionKeys.snapshot(), sessionKeys.lease(), staged, sessionKeys.data()),
                arg(epoch), arg(data.length), arg(clock.instant().toString()), arg(release ? 1 : 0),
                arg(Long.toHexString(version))));
        staging.await();
        indexed.await();
        long outcome = Replies.number(reply.get(0));
        if (outcome == 0) {
            throw new StaleEpochException(id, epoch, Replies.number(reply.get(1)));
        }
        if (outcome < 0) {
            throw new IllegalStateException("The snapshot bytes of " + id + " were gone before their write ran");
        }
    }

    public StoredSnapshot read(SessionId id) {
        SessionKeys sessionKeys = keysOf(id);
        List<Object> reply = Replies.array(scripts.run(READ,
                List.of(sessionKeys.epoch(), sessionKeys.snapshot(), sessionKeys.data())));
        byte[] data = Replies.bytes(reply.get(1));
        if (data == null) {
            throw new SnapshotNotFoundException(id);
        }
        return new StoredSnapshot(Replies.number(reply.get(0)), data);
    }

    private SessionKeys keysOf(SessionId id) {
        return keys.session(id.app(), id.session());
    }
}
