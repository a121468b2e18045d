package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentile(50)).isEqualTo(50);
        assertThat(h.percentile(99)).isEqualTo(99);
        assertThat(h.percentile(100)).isEqualTo(100);
        assertThat(h.min()).isEqualTo(1);
        assertThat(h.mean()).isCloseTo(50.5, within(1e-9));
    }

    @Test
    void percentilesOfRandomLatenciesStayWithinTheBucketPrecision() {
        SplittableRandom random = new SplittableRandom(7);
        long[] values = new long[100_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // log-uniform from 10 µs to 100 ms, in nanoseconds
            values[i] = (long) Math.pow(10, 4 + random.nextDouble() * 4);
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 90, 99, 99.9, 99.99}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat((double) h.percentile(p)).as("p%s", p)
                    .isBetween((double) exact, exact * (1 + 1.0 / 64));
        }
        assertThat(h.percentile(100)).isEqualTo(values[values.length - 1]);
    }

    @Test
    void bucketsCoverEveryPositiveLongWithoutGaps() {
        for (long v : new long[] {127, 128, 129, 255, 256, 1_000_003, Long.MAX_VALUE / 3, Long.MAX_VALUE}) {
            int i = LatencyHistogram.indexOf(v);
            assertThat(LatencyHistogram.highestValueIn(i)).isGreaterThanOrEqualTo(v);
            assertThat(i == 0 || LatencyHistogram.highestValueIn(i - 1) < v).isTrue();
        }
    }

    @Test
    void mergingAddsTheCountsOfBothHistograms() {
        LatencyHistogram fast = new LatencyHistogram();
        LatencyHistogram slow = new LatencyHistogram();
        for (int i = 0; i < 90; i++) {
            fast.record(1_000_000);
        }
        for (int i = 0; i < 10; i++) {
            slow.record(50_000_000);
        }
        fast.add(slow);
        assertThat(fast.count()).isEqualTo(100);
        assertThat(fast.percentile(90)).isBetween(1_000_000L, 1_016_000L);
        assertThat(fast.percentile(91)).isEqualTo(50_000_000L);
        assertThat(fast.max()).isEqualTo(50_000_000L);
    }

    @Test
    void anEmptyHistogramReportsZeroAndBadPercentilesAreRefused() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentile(99)).isZero();
        assertThat(h.min()).isZero();
        assertThatThrownBy(() -> h.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
