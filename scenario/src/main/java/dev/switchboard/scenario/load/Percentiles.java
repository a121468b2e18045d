package dev.switchboard.scenario.load;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of millisecond values. */
public final class Percentiles {

    private Percentiles() {
    }

    /** {@code p} in 0..100 of values already sorted; 0 for none. */
    public static long of(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    public static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
