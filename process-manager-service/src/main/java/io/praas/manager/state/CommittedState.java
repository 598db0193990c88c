package io.praas.manager.state;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed state of one process: values as live objects, or still encoded when they came
 * from a snapshot and were not read since. Only the process's current worker changes it; a
 * concurrent map because an abandoned (timed-out) invocation may still be reading it.
 */
public final class CommittedState {

    private final Map<String, Object> values = new ConcurrentHashMap<>();

    /** The value under {@code key} as {@code type}, decoding and caching a stored value on first use. */
    public Object read(String key, Type type, ValueCodec codec) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof EncodedValue encoded) {
            Object decoded = codec.decode(key, encoded, type);
            values.replace(key, encoded, decoded);
            return decoded;
        }
        return codec.convert(key, value, type);
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public int size() {
        return values.size();
    }

    /** Applies an invocation's write set: a {@code null} value removes the key. */
    public void apply(Map<String, Object> writes) {
        writes.forEach((key, value) -> {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        });
    }

    /** Replaces everything with the entries of a snapshot, still encoded. */
    public void load(Map<String, EncodedValue> entries) {
        values.clear();
        values.putAll(entries);
    }

    /** Every value in its stored form, ready for a snapshot; {@code overlay} is applied on top first. */
    public Map<String, EncodedValue> encode(ValueCodec codec, Map<String, Object> overlay) {
        Map<String, EncodedValue> encoded = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!overlay.containsKey(key)) {
                encoded.put(key, codec.encode(key, value));
            }
        });
        overlay.forEach((key, value) -> {
            if (value != null) {
                encoded.put(key, codec.encode(key, value));
            }
        });
        return encoded;
    }
}
