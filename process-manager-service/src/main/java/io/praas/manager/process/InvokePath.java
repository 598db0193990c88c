package io.praas.manager.process;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * The parts of a request target of the form {@code /v1/apps/{app}/processes/{session}/invoke/{function}}, each
 * percent-decoded as a path segment; {@code path} is the target without its query, as problems name it.
 */
record InvokePath(String path, String app, String session, String function) {

    private static final String[] LITERALS = {"", "v1", "apps", null, "processes", null, "invoke", null};

    /** Whether the target has the shape of an invoke path (any method). */
    static boolean matches(String requestTarget) {
        return parse(requestTarget) != null;
    }

    /** The parts, or null when the target is not an invoke path. */
    static InvokePath parse(String requestTarget) {
        String path = withoutQuery(requestTarget);
        if (!path.startsWith("/v1/apps/")) {
            return null;
        }
        String[] segments = path.split("/", -1);
        if (segments.length != LITERALS.length) {
            return null;
        }
        for (int i = 0; i < segments.length; i++) {
            boolean variable = LITERALS[i] == null;
            if (variable ? segments[i].isEmpty() : !segments[i].equals(LITERALS[i])) {
                return null;
            }
        }
        return new InvokePath(path, decode(segments[3]), decode(segments[5]), decode(segments[7]));
    }

    private static String withoutQuery(String requestTarget) {
        int start = 0;
        if (!requestTarget.startsWith("/")) {
            // absolute form (http://host/path), which HTTP/1.1 servers must accept
            int authority = requestTarget.indexOf("://");
            start = authority < 0 ? 0 : requestTarget.indexOf('/', authority + 3);
            if (start < 0) {
                return "/";
            }
        }
        int end = requestTarget.length();
        int query = requestTarget.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        int fragment = requestTarget.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return requestTarget.substring(start, end);
    }

    private static String decode(String segment) {
        return segment.indexOf('%') < 0 ? segment : UriUtils.decode(segment, StandardCharsets.UTF_8);
    }
}
