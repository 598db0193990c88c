package io.praas.bench.report;

import java.util.List;

/** An experiment's part of the report: what was measured, its tables and charts, what limits it. */
public record Section(String title, String text, List<Table> tables, List<String> charts) {
}
