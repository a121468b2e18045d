package dev.switchboard.bench.official;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.LatencyHistogram;
import dev.switchboard.bench.result.ConnectionsRamp;
import dev.switchboard.bench.result.ConnectionsRun;
import dev.switchboard.bench.result.Latency;
import dev.switchboard.bench.run.CpuWindow;
import dev.switchboard.bench.run.NodeLoad;
import dev.switchboard.bench.run.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workload 3 with the official client: a ramp to {@code count} idle websocket connections spread over
 * the load workers (each socket its own connection), then the server's memory after a full GC,
 * compared with before the first one. The ramp stops opening new connections at its deadline; memory
 * per connection is then over the connections reached.
 */
public final class IdleConnections {

    /** Whom the connections authenticate as: a plan file of users with tokens, and the pushes to await. */
    public record Users(Path plan, List<String> awaitEvents) {
    }

    private IdleConnections() {
    }

    public static ConnectionsRun run(String label, ServerProcess server, Users users, Path root, Path logs,
                                     String logName, int processes, int count, int inFlight, Duration rampLimit)
            throws Exception {
        ServerProcess.Memory before = server.memoryAfterGc();
        try (NodeLoad load = NodeLoad.start(root, processes, logs, logName)) {
            String url = "http://127.0.0.1:" + server.port();
            long deadline = System.currentTimeMillis() + rampLimit.toMillis();
            CpuWindow cpu = CpuWindow.start(server.pid(), load);
            List<JsonNode> answers = load.send(i -> {
                Map<String, Object> c = new HashMap<>(Map.of("cmd", "connect", "url", url, "count", load.share(count, i),
                        "inFlight", Math.max(1, load.share(inFlight, i)), "timeoutMs", 60_000, "deadline", deadline,
                        "localAddresses", NodeLoad.SOURCE_ADDRESSES));
                if (users != null) {
                    c.putAll(Map.of("plan", users.plan().toString(), "from", load.offset(count, i),
                            "awaitEvents", users.awaitEvents()));
                }
                return c;
            }, rampLimit.plusSeconds(120));
            cpu.end();
            int connected = (int) NodeLoad.sum(answers, "connected");
            double seconds = answers.stream().mapToDouble(a -> a.path("seconds").asDouble()).max().orElse(0);
            LatencyHistogram latency = NodeLoad.histogram(answers, "latency");
            List<String> failures = new ArrayList<>();
            answers.forEach(a -> a.path("failureSamples").forEach(f -> failures.add(f.asText())));
            ConnectionsRamp ramp = new ConnectionsRamp(count, connected, (int) NodeLoad.sum(answers, "failed"),
                    OfficialTransport.round(seconds), seconds == 0 ? 0 : OfficialTransport.round(connected / seconds),
                    Latency.of(latency), cpu.load(), failures.subList(0, Math.min(5, failures.size())));
            Thread.sleep(2000); // let the last handshakes' garbage and buffers settle
            ServerProcess.Memory after = server.memoryAfterGc();
            return ConnectionsRun.of(label, users != null, ramp, before.rssBytes(), after.rssBytes(),
                    before.heapUsedBytes(), after.heapUsedBytes());
        }
    }
}
