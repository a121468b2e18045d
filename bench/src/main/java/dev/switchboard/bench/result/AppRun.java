package dev.switchboard.bench.result;

import java.util.List;

/**
 * The application on one database ({@code memory} or {@code file}): seeding the fixture, the first
 * connect of every user right after the server started ({@code firstConnect}: cold JVM, nothing cached),
 * the first connect of every user right after a server started with {@code --warm-up} ({@code warmedStart}, on a
 * server of its own, freshly seeded; null when not measured),
 * the connect rate when the same users connect again ({@code connect}), and again several times once the mix's
 * warm-up has run ({@code warmConnects}: a running server, its JIT done), every stepped rate, the highest rate
 * that kept the p99 ack latency under the target
 * ({@code best}), the highest completed rate of any step ({@code peakCompletedPerSecond}), and the
 * overload step at {@code overloadFactor} times the best rate.
 */
public record AppRun(String database, int users, double seedSeconds, AppConnect firstConnect, WarmedStart warmedStart,
                     AppConnect connect,
                     List<AppConnect> warmConnects, double p99TargetMs,
                     List<AppStep> steps, AppStep best, double peakCompletedPerSecond, double overloadFactor,
                     AppStep overload) {

    /** The first connect after a start with {@code --warm-up}, and how long that start took until the port was open. */
    public record WarmedStart(double startSeconds, AppConnect firstConnect) {
    }

    /** The median connect rate of {@link #warmConnects}; 0 when there are none. */
    public double warmConnectsPerSecond() {
        if (warmConnects == null || warmConnects.isEmpty()) {
            return 0;
        }
        double[] rates = warmConnects.stream().mapToDouble(AppConnect::connectsPerSecond).sorted().toArray();
        return rates[rates.length / 2];
    }
}
