package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed-size log-linear histogram of non-negative values (nanoseconds here): exact below 128,
 * then 64 equal buckets per power of two, so any recorded value is reported within 1/64 (1.6 %)
 * above its true value. Recording is O(1) with no allocation. Not thread-safe: each event loop
 * records into its own and {@link #add} merges them.
 */
public final class LatencyHistogram {

    private static final int LINEAR_BITS = 7;
    private static final int LINEAR_LIMIT = 1 << LINEAR_BITS;          // 128 exact buckets
    private static final int SUB_BUCKETS = LINEAR_LIMIT / 2;           // 64 per power of two
    private static final int BUCKETS = LINEAR_LIMIT + (63 - LINEAR_BITS) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    public void record(long value) {
        long v = Math.max(0, value);
        counts[indexOf(v)]++;
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /**
     * Adds a histogram of the same layout recorded elsewhere (a Node load worker sends its buckets as
     * {@code [index, count]} pairs), with its sum and extremes.
     */
    public void addBuckets(List<long[]> indexCounts, long sum, long min, long max) {
        long added = 0;
        for (long[] pair : indexCounts) {
            counts[(int) pair[0]] += pair[1];
            added += pair[1];
        }
        if (added == 0) {
            return;
        }
        count += added;
        this.sum += sum;
        this.min = Math.min(this.min, min);
        this.max = Math.max(this.max, max);
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        count = 0;
        sum = 0;
        min = Long.MAX_VALUE;
        max = 0;
    }

    public long count() {
        return count;
    }

    public long max() {
        return max;
    }

    public long min() {
        return count == 0 ? 0 : min;
    }

    public double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The smallest recorded value such that at least {@code percentile} % of the values are at or
     * below it, reported as the upper edge of its bucket (capped by the exact maximum).
     */
    public long percentile(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be within 0..100, was " + percentile);
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, Math.max(min, highestValueIn(i)));
            }
        }
        return max;
    }

    /** The percentiles used in every report and chart, as {@code (percentile, value)} pairs. */
    public List<Quantile> quantiles(double... percentiles) {
        List<Quantile> out = new ArrayList<>(percentiles.length);
        for (double p : percentiles) {
            out.add(new Quantile(p, percentile(p)));
        }
        return out;
    }

    public record Quantile(double percentile, long value) {
    }

    static int indexOf(long value) {
        if (value < LINEAR_LIMIT) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);            // >= LINEAR_BITS
        int shift = exponent - (LINEAR_BITS - 1);
        int sub = (int) (value >>> shift) - SUB_BUCKETS;                   // 0..63
        return LINEAR_LIMIT + (exponent - LINEAR_BITS) * SUB_BUCKETS + sub;
    }

    static long highestValueIn(int index) {
        if (index < LINEAR_LIMIT) {
            return index;
        }
        int exponent = (index - LINEAR_LIMIT) / SUB_BUCKETS + LINEAR_BITS;
        int sub = (index - LINEAR_LIMIT) % SUB_BUCKETS;
        int shift = exponent - (LINEAR_BITS - 1);
        long lowest = (long) (SUB_BUCKETS + sub) << shift;
        return lowest + (1L << shift) - 1;
    }
}
