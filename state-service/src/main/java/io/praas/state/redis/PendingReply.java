package io.praas.state.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.redis.RedisSystemException;

/** The answer to a command sent ahead on the shared connection (see {@link SharedConnection}). */
public final class PendingReply<T> {

    // by the time a caller waits, the answer is in or about to be; this only bounds a connection that broke
    private static final long WAIT_SECONDS = 10;

    private final CompletableFuture<T> reply;
    private final PersistenceExceptionTranslator translator;

    PendingReply(RedisFuture<T> reply, PersistenceExceptionTranslator translator) {
        this(reply.toCompletableFuture(), translator);
    }

    private PendingReply(CompletableFuture<T> reply, PersistenceExceptionTranslator translator) {
        this.reply = reply;
        this.translator = translator;
    }

    /** The answer, once in, turned into another value (on the connection's thread: keep it cheap). */
    public <R> PendingReply<R> map(Function<? super T, ? extends R> mapping) {
        return new PendingReply<>(reply.thenApply(mapping), translator);
    }

    /**
     * Waits for the answer. Failures are Spring's data-access exceptions, as from a template; a script Redis does not
     * know (it restarted or flushed its script cache) is a {@link ScriptNotLoadedException}.
     */
    public T await() {
        try {
            return reply.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisSystemException("Interrupted while waiting for Redis", e);
        } catch (TimeoutException e) {
            throw new QueryTimeoutException("Redis did not answer in " + WAIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    private RuntimeException translate(Throwable failure) {
        if (failure instanceof RedisNoScriptException noScript) {
            return new ScriptNotLoadedException(noScript);
        }
        DataAccessException translated = failure instanceof RuntimeException runtime
                ? translator.translateExceptionIfPossible(runtime) : null;
        return translated != null ? translated : new RedisSystemException("Redis command failed", failure);
    }
}
