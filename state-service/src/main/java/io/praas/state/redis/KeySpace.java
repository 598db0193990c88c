package io.praas.state.redis;

import io.praas.state.config.StateProperties;
import org.springframework.stereotype.Component;

/**
 * The Redis key layout of docs/wire-contracts.md. A session's keys share the hash tag
 * {@code {app/session}} and an app's keys the tag {@code {app}}, so each group lives in one
 * Redis Cluster slot and a Lua script may touch all keys of its group.
 */
@Component
public class KeySpace {

    private final String prefix;

    public KeySpace(StateProperties properties) {
        this.prefix = properties.keyPrefix();
    }

    public SessionKeys session(String app, String session) {
        String base = prefix + "s:{" + app + "/" + session + "}:";
        return new SessionKeys(base + "epoch", base + "lease", base + "snapshot", base + "data");
    }

    public String descriptor(String app) {
        return appKey(app, "descriptor");
    }

    public String bundle(String app) {
        return appKey(app, "bundle");
    }

    public String sessionIndex(String app) {
        return appKey(app, "sessions");
    }

    public String apps() {
        return prefix + "apps";
    }

    private String appKey(String app, String suffix) {
        return prefix + "a:{" + app + "}:" + suffix;
    }
}
