package io.praas.gateway.routing;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriUtils;

/**
 * The app and session named by a public API path {@code /v1/apps/{app}/processes/{session}/...}.
 * Both are decoded, so {@code %41pp} and {@code App} are the same app for routing and validation alike.
 *
 * @param app     the app, or {@code null} for paths above a single app (e.g. {@code /v1/apps})
 * @param session the session key, or {@code null} for app-level paths
 */
public record ProcessPath(@Nullable String app, @Nullable String session) {

    private static final String APPS_PREFIX = "/v1/apps/";
    private static final ProcessPath NO_APP = new ProcessPath(null, null);

    /** Parses a raw (still percent-encoded) request path; paths outside {@code /v1/apps/} name no app. */
    public static ProcessPath parse(String rawPath) {
        if (!rawPath.startsWith(APPS_PREFIX) || rawPath.length() == APPS_PREFIX.length()) {
            return NO_APP;
        }
        // split drops trailing empty segments, so a trailing slash does not read as an empty name
        String[] segments = rawPath.substring(APPS_PREFIX.length()).split("/");
        String app = decode(segments[0]);
        boolean namesSession = segments.length > 2 && "processes".equals(segments[1]);
        return new ProcessPath(app, namesSession ? decode(segments[2]) : null);
    }

    /**
     * The key the load balancer hashes: {@code app/session} for a process, the app alone for app-level
     * calls, empty for calls about all apps.
     */
    public String routingKey() {
        if (app == null) {
            return "";
        }
        return session == null ? app : app + "/" + session;
    }

    private static String decode(String segment) {
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            // left as is: the '%' then fails name validation instead of failing the request obscurely
            return segment;
        }
    }
}
