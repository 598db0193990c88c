package io.praas.state.session;

import static io.praas.state.redis.Scripts.arg;

import io.praas.state.redis.KeySpace;
import io.praas.state.redis.Replies;
import io.praas.state.redis.Scripts;
import io.praas.state.redis.SessionKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

/** Reads, lists and deletes sessions. */
@Service
public class SessionStore {

    /** Sessions deleted per pipeline when a whole app goes. */
    private static final int DELETE_BATCH = 500;

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> INFO = Scripts.load("session-info", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> DELETE = Scripts.load("delete-session", List.class);

    private final Scripts scripts;
    private final KeySpace keys;
    private final SessionIndex index;
    private final Clock clock;

    public SessionStore(Scripts scripts, KeySpace keys, SessionIndex index, Clock clock) {
        this.scripts = scripts;
        this.keys = keys;
        this.index = index;
        this.clock = clock;
    }

    public SessionView info(SessionId id) {
        SessionView view = toView(id, scripts.run(INFO, keysOf(id).all()));
        if (view.isEmpty() && !index.contains(id)) {
            throw new SessionNotFoundException(id);
        }
        return view;
    }

    /** One page of the app's indexed sessions; one round trip reads all of them. */
    public SessionPage page(String app, String after, int limit) {
        List<String> names = index.page(app, after, limit + 1);
        List<String> shown = names.subList(0, Math.min(limit, names.size()));
        List<Scripts.Call> calls = shown.stream()
                .map(name -> new Scripts.Call(keys.session(app, name).all(), List.of()))
                .toList();
        List<Object> replies = scripts.runPipelined(INFO, calls);
        List<SessionView> views = new ArrayList<>(shown.size());
        for (int i = 0; i < shown.size(); i++) {
            views.add(toView(new SessionId(app, shown.get(i)), replies.get(i)));
        }
        String next = names.size() > limit ? shown.getLast() : null;
        return new SessionPage(views, next);
    }

    /**
     * Deletes the session's snapshot and lease, and drops it from the index.
     *
     * @param epoch when not null, the deletion applies only while this is the current epoch
     */
    public void delete(SessionId id, Long epoch) {
        List<Object> reply = Replies.array(
                scripts.run(DELETE, keysOf(id).all(), epoch == null ? new byte[0] : arg(epoch)));
        if (Replies.number(reply.get(0)) == 0) {
            throw new StaleEpochException(id, epoch, Replies.number(reply.get(1)));
        }
        index.remove(id);
    }

    /** Deletes every indexed session of the app and the index itself; answers how many there were. */
    public int deleteAll(String app) {
        int deleted = 0;
        List<String> batch = index.page(app, null, DELETE_BATCH);
        while (!batch.isEmpty()) {
            List<Scripts.Call> calls = batch.stream()
                    .map(name -> new Scripts.Call(keys.session(app, name).all(), List.of(new byte[0])))
                    .toList();
            scripts.runPipelined(DELETE, calls);
            deleted += batch.size();
            batch = index.page(app, batch.getLast(), DELETE_BATCH);
        }
        index.drop(app);
        return deleted;
    }

    private SessionKeys keysOf(SessionId id) {
        return keys.session(id.app(), id.session());
    }

    private SessionView toView(SessionId id, Object reply) {
        List<Object> info = Replies.array(reply);
        long leaseTtlMillis = Replies.number(info.get(2));
        String owner = Replies.text(info.get(1));
        String bytes = Replies.text(info.get(3));
        String writtenAt = Replies.text(info.get(4));
        return new SessionView(
                id.app(),
                id.session(),
                Replies.number(info.get(0)),
                owner,
                owner != null && leaseTtlMillis > 0 ? clock.instant().plusMillis(leaseTtlMillis) : null,
                bytes == null ? null : Long.valueOf(bytes),
                writtenAt == null ? null : Instant.parse(writtenAt));
    }
}
