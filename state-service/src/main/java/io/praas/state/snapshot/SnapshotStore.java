package io.praas.state.snapshot;

import static io.praas.state.redis.Scripts.arg;

import io.praas.state.redis.KeySpace;
import io.praas.state.redis.PendingReply;
import io.praas.state.redis.Replies;
import io.praas.state.redis.Scripts;
import io.praas.state.redis.SessionKeys;
import io.praas.state.session.SessionId;
import io.praas.state.session.SessionIndex;
import io.praas.state.session.StaleEpochException;
import java.time.Clock;
import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/** Snapshots, written only under the writer's still-current fencing epoch. */
@Service
public class SnapshotStore {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> WRITE = Scripts.load("write-snapshot", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> READ = Scripts.load("read-snapshot", List.class);

    private final Scripts scripts;
    private final KeySpace keys;
    private final SessionIndex index;
    private final Clock clock;

    public SnapshotStore(Scripts scripts, KeySpace keys, SessionIndex index, Clock clock) {
        this.scripts = scripts;
        this.keys = keys;
        this.index = index;
        this.clock = clock;
    }

    /** Writes the snapshot under {@code epoch}; with {@code release}, also frees the lease in the same atomic step. */
    public void write(SessionId id, long epoch, byte[] data, boolean release) {
        SessionKeys sessionKeys = keysOf(id);
        // harmless even when the epoch is stale: a session with an epoch is in the index already
        PendingReply<Long> indexed = index.addAhead(id);
        List<Object> reply = Replies.array(scripts.run(WRITE,
                List.of(sessionKeys.epoch(), sessionKeys.snapshot(), sessionKeys.lease()),
                arg(epoch), data, arg(data.length), arg(clock.instant().toString()), arg(release ? 1 : 0)));
        indexed.await();
        if (Replies.number(reply.get(0)) == 0) {
            throw new StaleEpochException(id, epoch, Replies.number(reply.get(1)));
        }
    }

    public StoredSnapshot read(SessionId id) {
        SessionKeys sessionKeys = keysOf(id);
        List<Object> reply = Replies.array(scripts.run(READ, List.of(sessionKeys.epoch(), sessionKeys.snapshot())));
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
