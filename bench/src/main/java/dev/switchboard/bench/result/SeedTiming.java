package dev.switchboard.bench.result;

/** How long {@code scripts/seed generated --users N --seed 42} took into a fresh in-memory server. */
public record SeedTiming(int users, double seconds, boolean completed, String outcome) {
}
