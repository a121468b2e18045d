package dev.switchboard.bench.result;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The medians of one server's transport runs (the mean of the middle two for an even count). */
public record TransportSummary(String server, int runs, double acksPerSecond, double p50Ms, double p99Ms,
                               double p999Ms, double serverCpuMicrosPerAck, double serverRssMb,
                               double clientCpuPercent, double clients, double disconnects) {

    public static TransportSummary of(String server, List<TransportRun> runs) {
        List<TransportRun> mine = runs.stream().filter(r -> r.server().equals(server)).toList();
        return new TransportSummary(server, mine.size(), median(mine, TransportRun::acksPerSecond),
                median(mine, r -> r.latency().p50Ms()), median(mine, r -> r.latency().p99Ms()),
                median(mine, r -> r.latency().p999Ms()), median(mine, TransportRun::serverCpuMicrosPerAck),
                median(mine, r -> r.serverRssBytes() / 1048576.0), median(mine, TransportRun::clientCpuPercent),
                median(mine, TransportRun::clients), median(mine, TransportRun::disconnects));
    }

    public static <T> double median(List<T> items, ToDoubleFunction<T> value) {
        if (items.isEmpty()) {
            return 0;
        }
        double[] v = items.stream().mapToDouble(value).sorted().toArray();
        int n = v.length;
        double m = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return Math.round(m * 100) / 100.0;
    }

}
