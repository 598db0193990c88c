package io.praas.bench.experiment;

import java.util.List;

/** Full runs measure long enough to trust the tails; quick runs only check that everything works. */
public record RunMode(boolean quick) {

    public int pick(int full, int quickValue) {
        return quick ? quickValue : full;
    }

    public <T> List<T> pick(List<T> full, List<T> quickValues) {
        return quick ? quickValues : full;
    }

    public String label() {
        return quick ? "quick" : "full";
    }
}
