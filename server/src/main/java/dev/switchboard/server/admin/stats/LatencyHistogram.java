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

    /** The duration under which {@code percent} of the recorded calls fell, in milliseconds; 0 when empty. */
    public double percentileMillis(double percent) {
        long[] snapshot = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(total * percent / 100.0);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return Math.round(upperBoundNanos(i) / 1_000.0) / 1_000.0;
            }
        }
        return Math.round(upperBoundNanos(BUCKETS - 1) / 1_000.0) / 1_000.0;
    }
}
