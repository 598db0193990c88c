package io.praas.bench.report;

import java.nio.file.Path;
import java.util.List;

/** The human-readable report: machine, targets, then each experiment with its tables and charts. */
public final class MarkdownReport {

    private final Results results;
    private final List<String> header;

    /** {@code header}: lines describing the run (machine, JDK, command, duration). */
    public MarkdownReport(Results results, List<String> header) {
        this.results = results;
        this.header = List.copyOf(header);
    }

    /** Writes the report to {@code file}, linking charts as {@code chartLinkPrefix + name}. */
    public void write(Path file, String chartLinkPrefix) {
        StringBuilder md = new StringBuilder("# PraaS benchmarks\n\n");
        header.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## Targets\n\n| figure | target | this run | met | what limits it |\n|---|---|---|---|---|\n");
        for (TargetCheck check : results.targets()) {
            md.append("| ").append(check.figure()).append(" | ").append(check.target()).append(" | ")
                    .append(check.measured()).append(" | ").append(check.met() ? "yes" : "**no**").append(" | ")
                    .append(check.met() ? "" : check.limit()).append(" |\n");
        }
        md.append("\n## Headline figures (`summary.csv`)\n\n| name | unit | value | floor | ratio |\n|---|---|---|---|---|\n");
        for (SummaryRow row : results.summary()) {
            md.append("| ").append(row.name()).append(" | ").append(row.unit()).append(" | ")
                    .append(Table.format(row.value())).append(" | ").append(Table.format(row.floor())).append(" | ")
                    .append(Table.format(row.ratio())).append(" |\n");
        }
        md.append("""

                Profiles, cross-checks with `wrk` and what was changed because of them: \
                [performance-notes.md](performance-notes.md). Messaging (a same-manager message against the \
                same exchange through Redis) and the cluster (failover, rebalancing) are not measured yet: \
                those features have not landed, and their experiments come with them.
                """);
        for (Section section : results.sections()) {
            md.append("\n## ").append(section.title()).append("\n\n").append(section.text()).append("\n\n");
            section.charts().forEach(chart -> md.append("![").append(section.title()).append("](")
                    .append(chartLinkPrefix).append(chart).append(")\n\n"));
            section.tables().forEach(table -> md.append("`").append(table.name()).append(".csv`\n\n")
                    .append(table.toMarkdown()).append('\n'));
        }
        Results.write(file, md.toString());
    }
}
