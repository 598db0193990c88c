package io.praas.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Everything one run measured, written out as CSV files (one per table, plus {@code summary.csv}). */
public final class Results {

    private final Path out;
    private final List<SummaryRow> summary = new ArrayList<>();
    private final List<TargetCheck> targets = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    public Results(Path out) {
        this.out = out;
    }

    public Path out() {
        return out;
    }

    public Path chartDirectory() {
        return out.resolve("charts");
    }

    public SummaryRow headline(String name, String unit, double value, Double floor) {
        SummaryRow row = new SummaryRow(name, unit, value, floor);
        summary.add(row);
        return row;
    }

    public void target(TargetCheck check) {
        targets.add(check);
    }

    public void section(Section section) {
        sections.add(section);
        section.tables().forEach(this::write);
    }

    public List<SummaryRow> summary() {
        return List.copyOf(summary);
    }

    public List<TargetCheck> targets() {
        return List.copyOf(targets);
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    public void writeSummary() {
        StringBuilder csv = new StringBuilder("name,unit,value,floor,ratio\n");
        for (SummaryRow row : summary) {
            csv.append(row.name()).append(',').append(row.unit()).append(',').append(number(row.value())).append(',')
                    .append(row.floor() == null ? "" : number(row.floor())).append(',')
                    .append(row.ratio() == null ? "" : number(row.ratio())).append('\n');
        }
        write(out.resolve("summary.csv"), csv.toString());
    }

    private void write(Table table) {
        write(out.resolve(table.name() + ".csv"), table.toCsv());
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 1 ? "%.2f" : "%.4f", value);
    }
}
