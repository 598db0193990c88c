package io.praas.state.session;

import io.lettuce.core.RedisFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.redis.RedisSystemException;

/** An index update sent ahead of the script it belongs to (see {@link SessionIndex#addAhead}). */
public final class IndexUpdate {

    // the answer is already in when confirm() runs; this only bounds a connection that broke in between
    private static final long WAIT_SECONDS = 10;

    private final RedisFuture<Long> reply;
    private final PersistenceExceptionTranslator translator;

    IndexUpdate(RedisFuture<Long> reply, PersistenceExceptionTranslator translator) {
        this.reply = reply;
        this.translator = translator;
    }

    /** Returns once Redis has applied the update; throws Spring's data-access exceptions if it did not. */
    public void confirm() {
        try {
            reply.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisSystemException("Interrupted while confirming a session index update", e);
        } catch (TimeoutException e) {
            throw new QueryTimeoutException("Redis did not confirm a session index update in " + WAIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    private DataAccessException translate(Throwable failure) {
        DataAccessException translated = failure instanceof RuntimeException runtime
                ? translator.translateExceptionIfPossible(runtime) : null;
        return translated != null ? translated : new RedisSystemException("Session index update failed", failure);
    }
}
