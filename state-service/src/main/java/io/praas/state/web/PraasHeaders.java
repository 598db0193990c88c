package io.praas.state.web;

/** Response headers of the state service's wire contract. */
public final class PraasHeaders {

    /** The session's fencing epoch. */
    public static final String EPOCH = "Praas-Epoch";

    /** When the lease just granted expires, as an ISO-8601 instant. */
    public static final String LEASE_EXPIRES = "Praas-Lease-Expires";

    /** The Redis key of a snapshot an activation hands over by reference. */
    public static final String SNAPSHOT_KEY = "Praas-Snapshot-Key";

    /** Which write stored the snapshot an activation hands over by reference. */
    public static final String SNAPSHOT_VERSION = "Praas-Snapshot-Version";

    private PraasHeaders() {
    }
}
