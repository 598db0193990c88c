package io.praas.bench.report;

/** Where one of the targets stands in this run. */
public record TargetCheck(String figure, String target, String measured, boolean met, String limit) {
}
