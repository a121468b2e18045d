package dev.switchboard.bench.result;

/** Acknowledged calls of one event in a window: how many, how many failed, and their latency. */
public record EventFigures(long count, long errors, double p50Ms, double p99Ms, double maxMs) {
}
