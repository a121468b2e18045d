package dev.switchboard.bench.result;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** The medians of one server's transport runs with one client (the mean of the middle two for an even count). */
public record TransportSummary(String server, String client, int runs, double acksPerSecond, double p50Ms,
                               double p99Ms, double p999Ms, double serverCpuMicrosPerAck, double serverRssMb,
                               double clientCpuPercent, double busiestClientCpuPercent, double clients,
                               double disconnects) {

    public static TransportSummary of(String server, String client, List<TransportRun> runs) {
        List<TransportRun> mine = runs.stream().filter(r -> r.server().equals(server) && r.client().equals(client))
                .toList();
        return new TransportSummary(server, client, mine.size(), median(mine, TransportRun::acksPerSecond),
                median(mine, r -> r.latency().p50Ms()), median(mine, r -> r.latency().p99Ms()),
                median(mine, r -> r.latency().p999Ms()), median(mine, TransportRun::serverCpuMicrosPerAck),
                median(mine, r -> r.serverRssBytes() / 1048576.0), median(mine, r -> r.load().totalPercent()),
                median(mine, r -> r.load().busiestPercent()), median(mine, TransportRun::clients),
                median(mine, TransportRun::disconnects));
    }

    /** A summary per server and client present in the runs, official client first. */
    public static List<TransportSummary> all(List<TransportRun> runs) {
        return runs.stream().map(r -> List.of(r.client(), r.server())).distinct()
                .sorted(java.util.Comparator.comparing((List<String> k) -> !k.get(0).equals(TransportRun.OFFICIAL)))
                .map(k -> of(k.get(1), k.get(0), runs)).toList();
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
