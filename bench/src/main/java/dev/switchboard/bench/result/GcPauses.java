package dev.switchboard.bench.result;

/**
 * The stop-the-world pauses of the server's garbage collector that ended inside a measured window. Every
 * request that arrives during a pause waits it out, and so does the queue behind it, so a p99 near the longest
 * pause (or a few of them back to back) is the collector's.
 *
 * @param percentOfWindow the time spent paused, as a share of the window
 */
public record GcPauses(int count, double p50Ms, double maxMs, double totalMs, double percentOfWindow) {
}
