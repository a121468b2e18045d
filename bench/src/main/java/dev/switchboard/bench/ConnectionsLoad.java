package dev.switchboard.bench;

import dev.switchboard.bench.client.ClientPool;
import dev.switchboard.bench.client.SioListener;
import dev.switchboard.bench.result.ConnectionsRamp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Workload 3: opens {@code count} idle connections (answering pings only), announces
 * {@code READY <ramp>} on stdout so the orchestrator can measure the server, and holds them until
 * it reads a line on stdin (or {@code holdMax} passes).
 */
public final class ConnectionsLoad implements SioListener {

    public record Settings(String host, int port, int count, int maxInFlight, int threads, List<String> sourceAddresses,
                           IntFunction<String> authJson, Duration rampTimeout, Duration holdMax) {
    }

    public static ConnectionsRamp run(Settings s) throws Exception {
        try (ClientPool pool = new ClientPool(s.host(), s.port(), s.threads(), s.sourceAddresses())) {
            ProcStat cpuBefore = ProcStat.self();
            Ramp.Result r = Ramp.connect(pool, s.count(), s.maxInFlight(), s.authJson(), new ConnectionsLoad(),
                    s.rampTimeout());
            ConnectionsRamp ramp = new ConnectionsRamp(s.count(), r.connected(), r.failed(), TransportLoad.round(r.seconds()),
                    TransportLoad.round(r.connectsPerSecond()),
                    TransportLoad.round(ProcStat.self().cpuMicrosSince(cpuBefore) / (r.seconds() * 1e4)),
                    r.failureSamples());
            System.out.println("READY " + Json.compact(ramp));
            System.out.flush();
            awaitRelease(s.holdMax());
            r.connections().forEach(c -> c.close());
            return ramp;
        }
    }

    private static void awaitRelease(Duration holdMax) throws InterruptedException {
        Thread reader = new Thread(() -> {
            try {
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (Exception e) {
                // stdin closed: release as well
            }
        }, "release-reader");
        reader.setDaemon(true);
        reader.start();
        reader.join(holdMax.toMillis());
    }
}
