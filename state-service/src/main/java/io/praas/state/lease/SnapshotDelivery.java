package io.praas.state.lease;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an activation hands over the session's snapshot. */
public enum SnapshotDelivery {

    /** The snapshot's bytes are the body of the answer. */
    @JsonProperty("inline")
    INLINE,

    /**
     * The answer names the Redis key holding the snapshot, and the caller reads it from Redis itself: the bytes
     * then cross the network once instead of twice. Snapshots stored by earlier versions still come inline.
     */
    @JsonProperty("reference")
    REFERENCE
}
