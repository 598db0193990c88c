package io.praas.bench.experiment;

import io.praas.bench.env.BenchEnvironment;
import io.praas.bench.report.Results;

/** One part of the suite: measures against the running environment and adds what it found to the results. */
public interface Experiment {

    /** Short name, as {@code --only} selects it. */
    String id();

    String title();

    void run(BenchEnvironment env, Results results);
}
