package io.praas.it.apps;

import io.praas.sdk.AppDefinition;
import io.praas.sdk.ProcessApplication;
import io.praas.sdk.ProcessState;
import io.praas.sdk.TypeRef;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test app with state of many shapes (text, numbers, lists, records, raw bytes), packed into a
 * bundle by {@link io.praas.it.Bundles} and deployed like any other app.
 */
public final class KeyValueApp implements ProcessApplication {

    /** A nested value type, to show records survive a swap. */
    public record Profile(String name, int age, List<String> tags) {
    }

    /** Input of {@code fill}: what to store. */
    public record Fill(String text, long number, double ratio, List<String> list, Profile profile, int blobSize) {
    }

    @Override
    public void define(AppDefinition app) {
        app.function("fill", Fill.class, (input, context) -> {
            ProcessState state = context.state();
            state.put("text", input.text());
            state.put("number", input.number());
            state.put("ratio", input.ratio());
            state.put("list", input.list());
            state.put("profile", input.profile());
            byte[] blob = new byte[input.blobSize()];
            for (int i = 0; i < blob.length; i++) {
                blob[i] = (byte) (i * 31 + 7);
            }
            state.put("blob", blob);
            return state.keys().size();
        });
        app.function("dump", (input, context) -> dump(context.state()));
        app.function("put", byte[].class, (input, context) -> {
            context.state().put("payload", input);
            return input.length;
        });
        app.function("echo", byte[].class, (input, context) -> input);
        app.function("hog", (input, context) -> hog(context.state()));
    }

    /** Writes, then allocates until the heap is exhausted: a function that "allocates wildly". */
    private static int hog(ProcessState state) {
        state.put("text", "overwritten by a failed invocation");
        List<long[]> hoard = new java.util.ArrayList<>();
        while (true) {
            hoard.add(new long[16 << 20]);
        }
    }

    private static Map<String, Object> dump(ProcessState state) {
        Map<String, Object> dump = new TreeMap<>();
        for (String key : state.keys()) {
            dump.put(key, switch (key) {
                case "text" -> state.get(key, String.class);
                case "number" -> state.get(key, Long.class);
                case "ratio" -> state.get(key, Double.class);
                case "list" -> state.get(key, new TypeRef<List<String>>() { });
                case "profile" -> state.get(key, Profile.class);
                case "blob", "payload" -> java.util.Base64.getEncoder().encodeToString(state.get(key, byte[].class));
                default -> "unexpected key";
            });
        }
        return dump;
    }
}
