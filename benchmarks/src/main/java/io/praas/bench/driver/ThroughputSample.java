package io.praas.bench.driver;

/** Requests per second and latency at one level of concurrency. */
public record ThroughputSample(int concurrency, double requestsPerSecond, Latency latency) {
}
