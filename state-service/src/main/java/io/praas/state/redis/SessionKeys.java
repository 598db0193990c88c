package io.praas.state.redis;

import java.util.List;

/** The keys of one session, all in one hash slot. */
public record SessionKeys(String epoch, String lease, String snapshot) {

    public List<String> all() {
        return List.of(epoch, lease, snapshot);
    }
}
