package io.praas.manager.state;

import io.praas.sdk.ProcessState;
import io.praas.sdk.TypeRef;

import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state as one invocation sees it: its own write set over the committed state. Reads see the
 * write set first. Nothing reaches the committed state unless the invocation returns normally and
 * the write set is applied; on failure the write set is simply dropped.
 */
public final class InvocationState implements ProcessState {

    private final CommittedState committed;
    private final ValueCodec codec;
    /** Keys written by this invocation; a {@code null} value marks a removal. */
    private final Map<String, Object> writes = new HashMap<>();

    public InvocationState(CommittedState committed, ValueCodec codec) {
        this.committed = committed;
        this.codec = codec;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Class<T> type) {
        return type.isPrimitive() ? (T) read(key, type) : type.cast(read(key, type));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(String key, TypeRef<T> type) {
        return (T) read(key, type.type());
    }

    private Object read(String key, Type type) {
        Objects.requireNonNull(key, "key");
        if (writes.containsKey(key)) {
            Object written = writes.get(key);
            return written == null ? null : codec.convert(key, written, type);
        }
        return committed.read(key, type, codec);
    }

    @Override
    public boolean contains(String key) {
        return writes.containsKey(key) ? writes.get(key) != null : committed.contains(key);
    }

    @Override
    public void put(String key, Object value) {
        writes.put(Objects.requireNonNull(key, "key"), value);
    }

    @Override
    public void remove(String key) {
        writes.put(Objects.requireNonNull(key, "key"), null);
    }

    @Override
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(committed.keys());
        writes.forEach((key, value) -> {
            if (value == null) {
                keys.remove(key);
            } else {
                keys.add(key);
            }
        });
        return keys;
    }

    public boolean changed() {
        return !writes.isEmpty();
    }

    /** A copy of the write set so far, to return to with {@link #rollBack} if a nested call fails. */
    public Map<String, Object> savepoint() {
        return new HashMap<>(writes);
    }

    /** Drops every write made since {@code savepoint} was taken. */
    public void rollBack(Map<String, Object> savepoint) {
        writes.clear();
        writes.putAll(savepoint);
    }

    /** The write set, to be applied to the committed state when the invocation succeeds. */
    public Map<String, Object> writes() {
        return writes;
    }
}
