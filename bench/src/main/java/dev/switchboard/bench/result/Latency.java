package dev.switchboard.bench.result;

import dev.switchboard.bench.LatencyHistogram;
import java.util.List;

/** A latency distribution in milliseconds, summarised from a {@link LatencyHistogram} of nanoseconds. */
public record Latency(long count, double meanMs, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                      List<Point> distribution) {

    /** The percentiles every distribution chart plots. */
    public static final double[] CHART_PERCENTILES = {50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100};

    public record Point(double percentile, double ms) {
    }

    public static Latency of(LatencyHistogram nanos) {
        List<Point> points = nanos.quantiles(CHART_PERCENTILES).stream()
                .map(q -> new Point(q.percentile(), ms(q.value())))
                .toList();
        return new Latency(nanos.count(), round(nanos.mean() / 1e6), ms(nanos.percentile(50)), ms(nanos.percentile(90)),
                ms(nanos.percentile(99)), ms(nanos.percentile(99.9)), ms(nanos.max()), points);
    }

    public static Latency empty() {
        return of(new LatencyHistogram());
    }

    private static double ms(long nanos) {
        return round(nanos / 1e6);
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
