package dev.switchboard.server.admin.stats;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Durations counted in fixed logarithmic buckets (each 25% wider than the one before, from 10 µs to
 * past a minute), so memory stays the same however many calls are recorded. A percentile is the upper
 * bound of the bucket it falls in: at most 25% above the true value. Lock-free; safe from any thread.
 */
public final class LatencyHistogram {

    private static final double FIRST_BOUND_NANOS = 10_000;
    private static final double GROWTH = 1.25;
    static final int BUCKETS = 72;
    private static final double LOG_GROWTH = Math.log(GROWTH);

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    public void record(long nanos) {
        counts.incrementAndGet(bucketOf(nanos));
    }

    static int bucketOf(long nanos) {
        if (nanos <= FIRST_BOUND_NANOS) {
            return 0;
        }
        int index = (int) Math.ceil(Math.log(nanos / FIRST_BOUND_NANOS) / LOG_GROWTH);
        return Math.min(index, BUCKETS - 1);
    }

    static double upperBoundNanos(int bucket) {
        return FIRST_BOUND_NANOS * Math.pow(GROWTH, bucket);
    }

    /** How many calls fell in each bucket, so that histograms of several nodes can be added up. */
    public long[] counts() {
        long[] snapshot = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
        }
        return snapshot;
    }

    /** The duration under which {@code percent} of the recorded calls fell, in milliseconds; 0 when empty. */
    public double percentileMillis(double percent) {
        return percentileMillis(counts(), percent);
    }

    /** The same for bucket counts from {@link #counts()} (or several of them added up). */
    public static double percentileMillis(long[] counts, double percent) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * percent / 100.0);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperBoundMillis(i);
            }
        }
        return upperBoundMillis(counts.length - 1);
    }

    private static double upperBoundMillis(int bucket) {
        return Math.round(upperBoundNanos(bucket) / 1_000.0) / 1_000.0;
    }
}
