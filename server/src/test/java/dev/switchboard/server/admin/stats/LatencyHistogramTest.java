package dev.switchboard.server.admin.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesFallWithinABucketOfTheTrueValue() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentileMillis(50)).isZero();
        for (int ms = 1; ms <= 100; ms++) {
            h.record(ms * 1_000_000L);
        }
        assertThat(h.percentileMillis(50)).isBetween(50.0, 50.0 * 1.25);
        assertThat(h.percentileMillis(99)).isBetween(99.0, 99.0 * 1.25);
        assertThat(h.percentileMillis(100)).isBetween(100.0, 125.0);
    }

    @Test
    void extremeDurationsLandInTheEndBuckets() {
        assertThat(LatencyHistogram.bucketOf(0)).isZero();
        assertThat(LatencyHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
        assertThat(LatencyHistogram.upperBoundNanos(LatencyHistogram.BUCKETS - 1)).isGreaterThan(60e9);
    }
}
