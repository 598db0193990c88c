package io.praas.state.lease;

import static io.praas.state.redis.Scripts.arg;

import io.praas.state.redis.KeySpace;
import io.praas.state.redis.PendingReply;
import io.praas.state.redis.Replies;
import io.praas.state.redis.ScriptNotLoadedException;
import io.praas.state.redis.Scripts;
import io.praas.state.redis.SharedConnection;
import io.praas.state.redis.SessionKeys;
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

    // where snapshots written before the bytes had a key of their own keep them (scripts/write-snapshot.lua)
    private static final byte[] EARLIER_DATA_FIELD = arg("data");

    private final Scripts scripts;
    private final SharedConnection connection;
    private final KeySpace keys;
    private final SessionIndex index;
    private final Clock clock;

    public LeaseService(Scripts scripts, SharedConnection connection, KeySpace keys, SessionIndex index, Clock clock) {
        this.scripts = scripts;
        this.connection = connection;
        this.keys = keys;
        this.index = index;
        this.clock = clock;
    }

    /**
     * Acquires the lease for {@code owner} and hands over the snapshot stored at that moment: its bytes, or by
     * reference the key they are under.
     */
    public Activation activate(SessionId id, String owner, Duration ttl, SnapshotDelivery delivery) {
        SessionKeys sessionKeys = keysOf(id);
        // harmless even when the lease is refused: a session someone holds is in the index already
        PendingReply<Long> indexed = index.addAhead(id);
        PendingReply<List<Object>> lease =
                scripts.runAhead(ACTIVATE, activationKeys(sessionKeys), arg(owner), arg(ttl.toMillis()));
        // Read just after the script, in the same round trip: Redis runs it once the new epoch is taken, and
        // nobody can write a snapshot at an epoch not yet handed out, so this is the snapshot as of the
        // acquisition. Returned by the script, a 1 MiB snapshot cost Redis ~290 µs (copied into Lua and out
        // again) against ~60 µs for a plain read.
        PendingReply<Handover> snapshot = snapshotAhead(sessionKeys, delivery);
        // the last answer first: Redis answers in order, so the other two are in by then (one wake-up)
        Handover handover = snapshot.await();
        indexed.await();
        List<Object> reply;
        try {
            reply = lease.await();
        } catch (ScriptNotLoadedException e) {
            // nothing ran, and the read went before any lease was taken: run both again, in order
            reply = Replies.array(scripts.run(ACTIVATE, activationKeys(sessionKeys), arg(owner), arg(ttl.toMillis())));
            handover = snapshotAhead(sessionKeys, delivery).await();
        }
        if (Replies.number(reply.get(0)) == 0) {
            throw new LeaseHeldException(id, Replies.text(reply.get(2)), Replies.number(reply.get(1)));
        }
        if (Replies.number(reply.get(2)) == 1) {
            // written by an earlier version, before the bytes had a key of their own; read after the script too,
            // and always inline: that place is no key a reader could GET
            byte[] metadataKey = arg(sessionKeys.snapshot());
            handover = new Handover(connection.send(commands -> commands.hget(metadataKey, EARLIER_DATA_FIELD)).await(),
                    null);
        }
        // the version as of the acquisition, read by the script itself: nobody else can write after it
        String version = handover.key() == null ? null : Replies.text(reply.get(3));
        return new Activation(Replies.number(reply.get(1)), clock.instant().plus(ttl), handover.bytes(), handover.key(),
                version);
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

    private PendingReply<Handover> snapshotAhead(SessionKeys sessionKeys, SnapshotDelivery delivery) {
        byte[] dataKey = arg(sessionKeys.data());
        if (delivery == SnapshotDelivery.REFERENCE) {
            return connection.send(commands -> commands.exists(dataKey))
                    .map(count -> count == 1 ? new Handover(null, sessionKeys.data()) : Handover.NONE);
        }
        return connection.send(commands -> commands.get(dataKey)).map(bytes -> new Handover(bytes, null));
    }

    /** The snapshot as an activation hands it over: its bytes or its key, or neither when there is none. */
    private record Handover(byte[] bytes, String key) {

        static final Handover NONE = new Handover(null, null);
    }

    private static List<String> activationKeys(SessionKeys sessionKeys) {
        return List.of(sessionKeys.epoch(), sessionKeys.lease(), sessionKeys.snapshot());
    }

    private SessionKeys keysOf(SessionId id) {
        return keys.session(id.app(), id.session());
    }
}
