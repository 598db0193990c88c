package io.praas.bench.report;

/**
 * One headline figure of {@code summary.csv}: its value, the floor it is compared with (null when
 * it has none) and value / floor.
 */
public record SummaryRow(String name, String unit, double value, Double floor) {

    public Double ratio() {
        return floor == null || floor == 0 ? null : value / floor;
    }
}
