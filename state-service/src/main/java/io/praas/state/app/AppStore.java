package io.praas.state.app;

import io.praas.state.redis.KeySpace;
import io.praas.state.session.SessionStore;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/** App descriptors (opaque JSON) and bundles (opaque jars), plus the set of app names. */
@Service
public class AppStore {

    private final RedisTemplate<String, byte[]> bytes;
    private final StringRedisTemplate strings;
    private final KeySpace keys;
    private final SessionStore sessions;

    public AppStore(RedisTemplate<String, byte[]> bytes, StringRedisTemplate strings, KeySpace keys,
            SessionStore sessions) {
        this.bytes = bytes;
        this.strings = strings;
        this.keys = keys;
        this.sessions = sessions;
    }

    public void putBundle(String app, byte[] jar) {
        bytes.opsForValue().set(keys.bundle(app), jar);
    }

    public byte[] bundle(String app) {
        byte[] jar = bytes.opsForValue().get(keys.bundle(app));
        if (jar == null) {
            throw new AppNotFoundException(app, "bundle");
        }
        return jar;
    }

    public void putDescriptor(String app, String json) {
        strings.opsForValue().set(keys.descriptor(app), json);
        strings.opsForSet().add(keys.apps(), app);
    }

    public String descriptor(String app) {
        String json = strings.opsForValue().get(keys.descriptor(app));
        if (json == null) {
            throw new AppNotFoundException(app, "descriptor");
        }
        return json;
    }

    /** Every stored descriptor, in app name order. */
    public List<String> descriptors() {
        Set<String> apps = strings.opsForSet().members(keys.apps());
        List<String> names = apps == null ? List.of() : apps.stream().sorted().toList();
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> json = strings.opsForValue().multiGet(names.stream().map(keys::descriptor).toList());
        return json == null ? List.of() : json.stream().filter(Objects::nonNull).toList();
    }

    /** Deletes descriptor, bundle and every session of the app; false when there was nothing to delete. */
    public boolean delete(String app) {
        int deletedSessions = sessions.deleteAll(app);
        Long deletedKeys = strings.delete(List.of(keys.descriptor(app), keys.bundle(app)));
        Long removedName = strings.opsForSet().remove(keys.apps(), app);
        return deletedSessions > 0 || positive(deletedKeys) || positive(removedName);
    }

    private static boolean positive(Long count) {
        return count != null && count > 0;
    }
}
