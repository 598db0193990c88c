package io.praas.state.session;

import io.praas.state.name.Names;

/** A process's identity: its app and session key, both valid names. */
public record SessionId(String app, String session) {

    public SessionId {
        Names.requireValid(app);
        Names.requireValid(session);
    }

    @Override
    public String toString() {
        return app + "/" + session;
    }
}
