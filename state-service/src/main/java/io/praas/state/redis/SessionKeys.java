package io.praas.state.redis;

import java.util.List;

/**
 * The keys of one session, all in one hash slot: the epoch counter, the lease hash, the snapshot's metadata hash
 * and the snapshot's bytes (a string of their own, so a write can rename them into place).
 */
public record SessionKeys(String epoch, String lease, String snapshot, String data) {

    public List<String> all() {
        return List.of(epoch, lease, snapshot, data);
    }

    /** Where one write's bytes wait for the script that checks its epoch; {@code id} makes it that write's own. */
    public String staged(long id) {
        return data + ":staged:" + Long.toHexString(id);
    }
}
