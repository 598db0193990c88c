package io.praas.manager.problem;

import reactor.netty.channel.AbortedException;

/** Tells errors that only mean the caller closed its connection (mid-body, say) from the manager's own failures. */
public final class CallerGone {

    private CallerGone() {
    }

    public static boolean is(Throwable error) {
        return error instanceof AbortedException || AbortedException.isConnectionReset(error);
    }
}
