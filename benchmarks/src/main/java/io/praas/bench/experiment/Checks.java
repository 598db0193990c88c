package io.praas.bench.experiment;

import io.praas.bench.report.TargetCheck;

import java.util.Locale;

/** Builds the report's target rows from measured values. */
final class Checks {

    private Checks() {
    }

    /** {@code value <= factor × floor}. */
    static TargetCheck atMost(String figure, String target, double value, double floor, double factor, String unit,
                              String limit) {
        return new TargetCheck(figure, target, String.format(Locale.ROOT, "%.1f %s vs %.1f %s = %.2fx", value, unit,
                floor, unit, value / floor), value <= factor * floor, limit);
    }

    /** {@code value >= factor × floor}. */
    static TargetCheck atLeast(String figure, String target, double value, double floor, double factor, String unit,
                               String limit) {
        return new TargetCheck(figure, target, String.format(Locale.ROOT, "%.0f %s vs %.0f %s = %.0f%%", value, unit,
                floor, unit, 100 * value / floor), value >= factor * floor, limit);
    }
}
