package dev.switchboard.bench.official;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.LatencyHistogram;
import dev.switchboard.bench.result.Latency;
import dev.switchboard.bench.result.TransportRun;
import dev.switchboard.bench.run.CpuWindow;
import dev.switchboard.bench.run.NodeLoad;
import dev.switchboard.bench.run.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Workload 1 with the official client: the clients spread over the load workers, every one keeping
 * exactly one {@code message-with-ack} in flight (closed loop), warm-up, then a fixed window in which
 * the acks, their latency and the CPU of the server and of the load are measured.
 */
public final class OfficialTransport {

    private OfficialTransport() {
    }

    public static TransportRun run(String serverName, ServerProcess server, Path root, Path logs, String logName,
                                   int processes, int clients, Duration warmup, Duration window) throws Exception {
        try (NodeLoad load = NodeLoad.start(root, processes, logs, logName)) {
            String url = "http://127.0.0.1:" + server.port();
            List<JsonNode> connected = load.send(i -> Map.of("cmd", "connect", "url", url,
                    "count", load.share(clients, i), "inFlight", 20, "timeoutMs", 20_000), Duration.ofSeconds(90));
            int ok = (int) NodeLoad.sum(connected, "connected");
            if (ok == 0) {
                throw new IllegalStateException("no client could connect to " + url + ": "
                        + connected.get(0).path("failureSamples"));
            }
            long start = System.currentTimeMillis() + warmup.toMillis();
            long end = start + window.toMillis();
            var answers = load.sendAsync(i -> Map.of("cmd", "transport", "windowStart", start, "windowEnd", end),
                    warmup.plus(window).plusSeconds(30));
            CpuWindow.sleepUntil(start);
            CpuWindow cpu = CpuWindow.start(server.pid(), load);
            CpuWindow.sleepUntil(end);
            cpu.end();
            List<JsonNode> results = answers.get();
            LatencyHistogram all = NodeLoad.histogram(results, "latency");
            double seconds = window.toMillis() / 1000.0;
            long acks = all.count();
            return new TransportRun(serverName, TransportRun.OFFICIAL, ok, seconds, acks, round(acks / seconds),
                    Latency.of(all), acks == 0 ? 0 : round((double) cpu.serverCpuMicros() / acks), cpu.serverCpuPercent(),
                    cpu.serverRssBytes(), cpu.load(), NodeLoad.sum(results, "errors"), clients - ok,
                    (int) NodeLoad.sum(results, "disconnects"));
        }
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
