package io.praas.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One experiment's measurements: written as {@code NAME.csv} and shown in the report. */
public final class Table {

    private final String name;
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    public Table(String name, String... columns) {
        this.name = name;
        this.columns = List.of(columns);
    }

    public String name() {
        return name;
    }

    public Table add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(name + " has " + columns.size() + " columns, got " + values.length);
        }
        rows.add(Arrays.asList(values));
        return this;
    }

    public String toCsv() {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (List<Object> row : rows) {
            csv.append(row.stream().map(Table::csvCell).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    public String toMarkdown() {
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", columns)).append(" |\n|");
        columns.forEach(column -> md.append("---|"));
        md.append('\n');
        for (List<Object> row : rows) {
            md.append("| ").append(row.stream().map(Table::format).collect(Collectors.joining(" | "))).append(" |\n");
        }
        return md.toString();
    }

    private static String csvCell(Object value) {
        String text = value == null ? "" : value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : value.toString();
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Three significant figures at most: enough for noisy latencies. */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            double magnitude = Math.abs(d);
            String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
            return String.format(Locale.ROOT, pattern, d);
        }
        return value.toString();
    }
}
