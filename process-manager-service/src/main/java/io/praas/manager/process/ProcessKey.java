package io.praas.manager.process;

/** Identifies a cloud process: an app and a session key. */
public record ProcessKey(String app, String session) {

    @Override
    public String toString() {
        return app + "/" + session;
    }
}
