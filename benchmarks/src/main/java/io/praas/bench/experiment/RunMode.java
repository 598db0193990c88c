package io.praas.bench.experiment;

import java.time.Duration;
import java.util.List;

/** Full runs measure long enough to trust the tails; quick runs only check that everything works. */
public record RunMode(boolean quick) {

    public int pick(int full, int quickValue) {
        return quick ? quickValue : full;
    }

    public <T> List<T> pick(List<T> full, List<T> quickValues) {
        return quick ? quickValues : full;
    }

    /**
     * How long each path runs before it is measured: until the JIT has compiled a path, its first thousands
     * of requests are several times slower.
     */
    public Duration warmUpPerPath() {
        return Duration.ofMillis(pick(20_000, 1_500));
    }

    public String label() {
        return quick ? "quick" : "full";
    }
}
