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

    @Test
    void theNodeLoadWorkersPutEveryValueInTheBucketJavaWould() throws Exception {
        long[] values = {0, 1, 127, 128, 129, 255, 256, 1000, 65_537, 1_000_000, 123_456_789, 9_999_999_999L,
                (1L << 40) + 5};
        String script = "const {Histogram}=require(process.argv[1]);"
                + "console.log(process.argv.slice(2).map(Number).map(Histogram.indexOf).join(' '))";
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("node", "-e", script,
                NodePackages.DIR.resolve("load.js").toString()));
        Arrays.stream(values).forEach(v -> command.add(Long.toString(v)));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes()).trim();
        assertThat(node.waitFor()).as(out).isZero();
        String expected = Arrays.stream(values).mapToObj(v -> Integer.toString(LatencyHistogram.indexOf(v)))
                .collect(java.util.stream.Collectors.joining(" "));
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void bucketsAddedFromElsewhereGiveTheSamePercentilesAsRecordingThem() {
        LatencyHistogram recorded = new LatencyHistogram();
        java.util.Map<Integer, Long> buckets = new java.util.TreeMap<>();
        long sum = 0;
        for (long v = 1_000; v <= 5_000_000; v += 997) {
            recorded.record(v);
            buckets.merge(LatencyHistogram.indexOf(v), 1L, Long::sum);
            sum += v;
        }
        LatencyHistogram added = new LatencyHistogram();
        added.addBuckets(buckets.entrySet().stream().map(e -> new long[] {e.getKey(), e.getValue()}).toList(), sum,
                1_000, recorded.max());
        assertThat(added.count()).isEqualTo(recorded.count());
        assertThat(added.mean()).isEqualTo(recorded.mean());
        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            assertThat(added.percentile(p)).isEqualTo(recorded.percentile(p));
        }
    }
}
