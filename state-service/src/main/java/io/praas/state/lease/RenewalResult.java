package io.praas.state.lease;

import java.util.List;

/** How many leases were renewed, and which ones their holder has lost. */
public record RenewalResult(int renewed, List<LostLease> lost) {

    public record LostLease(String app, String session) {
    }
}
