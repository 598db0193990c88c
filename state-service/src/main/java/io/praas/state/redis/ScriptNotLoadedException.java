package io.praas.state.redis;

import org.springframework.dao.TransientDataAccessResourceException;

/** Redis did not know a script sent by its SHA-1 (it restarted or flushed its script cache); nothing ran. */
public final class ScriptNotLoadedException extends TransientDataAccessResourceException {

    ScriptNotLoadedException(Throwable cause) {
        super("Redis does not know the script (NOSCRIPT)", cause);
    }
}
