package io.praas.sdk;

import java.util.Set;

/**
 * The state of a cloud process: named values kept in memory between invocations.
 *
 * <p>Values are held as objects, never copied or serialized on the warm path. Treat them as
 * immutable: {@link #put} replaces a value, it never merges. Mutating an object after putting it,
 * or mutating an object returned by {@link #get}, bypasses the atomicity of invocations and is
 * not supported.
 *
 * <p>Values are encoded by the platform only when the process is swapped out, checkpointed or
 * written through: as JSON for ordinary objects (records, beans, collections, strings, numbers),
 * as is for {@code byte[]}. Use types that encode to JSON and back, and read values back with the
 * type they were written as (or a {@link TypeRef} for generic types).
 *
 * <p>Writes made during an invocation are visible to that invocation's own reads at once and
 * become the process state only if the invocation returns normally.
 */
public interface ProcessState {

    /** The value stored under {@code key} as {@code type}, or {@code null} if there is none. */
    <T> T get(String key, Class<T> type);

    /** The value stored under {@code key} as the generic {@code type}, or {@code null} if there is none. */
    <T> T get(String key, TypeRef<T> type);

    /** The value stored under {@code key} as {@code type}, or {@code defaultValue} if there is none. */
    default <T> T getOrDefault(String key, Class<T> type, T defaultValue) {
        T value = get(key, type);
        return value != null ? value : defaultValue;
    }

    /** Whether a value is stored under {@code key}. */
    boolean contains(String key);

    /** Stores {@code value} under {@code key}, replacing any previous value. {@code null} removes the key. */
    void put(String key, Object value);

    /** Removes the value stored under {@code key}, if any. */
    void remove(String key);

    /** The keys currently stored, as a snapshot taken at the time of the call. */
    Set<String> keys();
}
