package io.praas.state.redis;

import io.lettuce.core.ScriptOutputType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * Runs the Lua scripts under {@code scripts/}: every check-and-write of the service is one
 * script, so Redis applies it atomically.
 */
@Component
public class Scripts {

    private final RedisTemplate<String, byte[]> redis;
    private final SharedConnection connection;

    public Scripts(RedisTemplate<String, byte[]> redis, SharedConnection connection) {
        this.redis = redis;
        this.connection = connection;
    }

    /**
     * Loads {@code scripts/<name>.lua} once; a script answering an array has result type {@link List}.
     * The text is read up front because a resource-backed script checks the resource's modification
     * time on every execution, which inside a jar costs more than the Redis call itself.
     */
    public static <T> RedisScript<T> load(String name, Class<T> resultType) {
        try {
            String text = new ClassPathResource("scripts/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
            return RedisScript.of(text, resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("Lua script scripts/" + name + ".lua is missing from the class path", e);
        }
    }

    /** Runs one script; bulk replies come back as {@code byte[]}, integers as {@link Long}. */
    @SuppressWarnings("unchecked")
    public <T> T run(RedisScript<T> script, List<String> keys, byte[]... args) {
        // The serializer only ever sees the bulk-string elements of the reply.
        RedisSerializer<T> results = (RedisSerializer<T>) (RedisSerializer<?>) RedisSerializer.byteArray();
        return redis.execute(script, RedisSerializer.byteArray(), results, keys, (Object[]) args);
    }

    /**
     * Sends a script that answers an array, by its SHA-1, without waiting for it (see {@link SharedConnection}):
     * commands sent next run after it in the same round trip. Unlike {@link #run}, it does not load the script into
     * a Redis that lost it; the reply is then a {@link ScriptNotLoadedException}. Elements as for {@link #run}.
     */
    @SuppressWarnings("rawtypes")
    public PendingReply<List<Object>> runAhead(RedisScript<List> script, List<String> keys, byte[]... args) {
        byte[][] keyBytes = keys.stream().map(Scripts::arg).toArray(byte[][]::new);
        return connection.send(commands -> commands.evalsha(script.getSha1(), ScriptOutputType.MULTI, keyBytes, args));
    }

    /** Runs one script per call in a single pipeline: one round trip for a whole batch. */
    public List<Object> runPipelined(RedisScript<?> script, List<Call> calls) {
        byte[] body = script.getScriptAsString().getBytes(StandardCharsets.UTF_8);
        ReturnType returnType = ReturnType.fromJavaType(script.getResultType());
        return redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Call call : calls) {
                connection.scriptingCommands().eval(body, returnType, call.keys().size(), call.keysAndArgs());
            }
            return null;
        }, RedisSerializer.byteArray());
    }

    public static byte[] arg(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] arg(long value) {
        return arg(Long.toString(value));
    }

    /** One script invocation of a pipeline. */
    public record Call(List<String> keys, List<byte[]> args) {

        byte[][] keysAndArgs() {
            byte[][] all = new byte[keys.size() + args.size()][];
            for (int i = 0; i < keys.size(); i++) {
                all[i] = arg(keys.get(i));
            }
            for (int i = 0; i < args.size(); i++) {
                all[keys.size() + i] = args.get(i);
            }
            return all;
        }
    }
}
