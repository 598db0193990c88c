package io.praas.state.lease;

import static io.praas.state.redis.Scripts.arg;

import io.praas.state.redis.KeySpace;
import io.praas.state.redis.Replies;
import io.praas.state.redis.Scripts;
import io.praas.state.redis.SessionKeys;
import io.praas.state.session.IndexUpdate;
import io.praas.state.session.SessionId;
import io.praas.state.session.SessionIndex;
import io.praas.state.session.StaleEpochException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/** Leases with fencing epochs: the guarantee that a session runs in at most one place. */
@Service
public class LeaseService {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ACTIVATE = Scripts.load("activate", List.class);
    private static final RedisScript<Long> RENEW = Scripts.load("renew", Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RELEASE = Scripts.load("release", List.class);

    private final Scripts scripts;
    private final KeySpace keys;
    private final SessionIndex index;
    private final Clock clock;

    public LeaseService(Scripts scripts, KeySpace keys, SessionIndex index, Clock clock) {
        this.scripts = scripts;
        this.keys = keys;
        this.index = index;
        this.clock = clock;
    }

    /** Acquires the lease for {@code owner} and returns the snapshot stored at that moment. */
    public Activation activate(SessionId id, String owner, Duration ttl) {
        // harmless even when the lease is refused: a session someone holds is in the index already
        IndexUpdate indexed = index.addAhead(id);
        List<Object> reply = Replies.array(scripts.run(ACTIVATE, keysOf(id).all(), arg(owner), arg(ttl.toMillis())));
        indexed.confirm();
        if (Replies.number(reply.get(0)) == 0) {
            throw new LeaseHeldException(id, Replies.text(reply.get(2)), Replies.number(reply.get(1)));
        }
        return new Activation(Replies.number(reply.get(1)), clock.instant().plus(ttl), Replies.bytes(reply.get(2)));
    }

    /** Extends every lease still held by the owner at the given epoch, in one pipeline. */
    public RenewalResult renew(String owner, Duration ttl, List<RenewalRequest.LeaseRef> leases) {
        List<SessionId> ids = leases.stream().map(lease -> new SessionId(lease.app(), lease.session())).toList();
        List<Scripts.Call> calls = new ArrayList<>(leases.size());
        for (int i = 0; i < leases.size(); i++) {
            calls.add(new Scripts.Call(
                    List.of(keysOf(ids.get(i)).lease()),
                    List.of(arg(owner), arg(leases.get(i).epoch()), arg(ttl.toMillis()))));
        }
        List<Object> replies = scripts.runPipelined(RENEW, calls);
        List<RenewalResult.LostLease> lost = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (Replies.number(replies.get(i)) == 0) {
                lost.add(new RenewalResult.LostLease(ids.get(i).app(), ids.get(i).session()));
            }
        }
        return new RenewalResult(ids.size() - lost.size(), lost);
    }

    /** Releases the lease if {@code epoch} is still current, so another owner may activate at once. */
    public void release(SessionId id, long epoch) {
        SessionKeys sessionKeys = keysOf(id);
        List<Object> reply = Replies.array(
                scripts.run(RELEASE, List.of(sessionKeys.epoch(), sessionKeys.lease()), arg(epoch)));
        if (Replies.number(reply.get(0)) == 0) {
            throw new StaleEpochException(id, epoch, Replies.number(reply.get(1)));
        }
    }

    private SessionKeys keysOf(SessionId id) {
        return keys.session(id.app(), id.session());
    }
}
