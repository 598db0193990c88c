package io.praas.state.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the elements of a script's array reply: integers, bulk strings ({@code byte[]}) or nil. */
public final class Replies {

    private Replies() {
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(Object reply) {
        return (List<Object>) reply;
    }

    public static long number(Object element) {
        return switch (element) {
            case Long number -> number;
            case byte[] bytes -> Long.parseLong(new String(bytes, StandardCharsets.UTF_8));
            default -> throw new IllegalStateException("Expected a number from Redis, got " + element);
        };
    }

    /** A bulk string as text, or null for a nil element. */
    public static String text(Object element) {
        return element == null ? null : new String((byte[]) element, StandardCharsets.UTF_8);
    }

    /** A bulk string as bytes, or null for a nil element. */
    public static byte[] bytes(Object element) {
        return (byte[]) element;
    }
}
