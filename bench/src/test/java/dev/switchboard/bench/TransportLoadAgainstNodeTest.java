package dev.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.bench.result.TransportRun;
import dev.switchboard.bench.run.ServerProcess;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Netty load client (the second opinion) end to end: two seconds against the real Node socket.io baseline. */
class TransportLoadAgainstNodeTest {

    private static final Path NODE_DIR = NodePackages.DIR;

    @BeforeAll
    static void installTheNodePackages() throws Exception {
        NodePackages.install();
    }

    @Test
    void measuresAcksLatencyAndTheServersCpuAndMemory() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempDirectory("bench-test").resolve("node.log");
        try (ServerProcess node = ServerProcess.start("node baseline", ServerProcess.Runtime.NODE,
                List.of("node", "--expose-gc", "server.js", "--port", Integer.toString(port)), NODE_DIR, log, port,
                Duration.ofSeconds(30), Map.of())) {
            assertThat(node.pid()).isPositive();
            ServerProcess.Memory idle = node.memoryAfterGc();
            assertThat(idle.heapUsedBytes()).isGreaterThan(1L << 20);

            TransportRun run = TransportLoad.run(new TransportLoad.Settings("node", "127.0.0.1", port, node.pid(), 20, 1,
                    Duration.ofMillis(500), Duration.ofSeconds(2)));

            assertThat(run.clients()).isEqualTo(20);
            assertThat(run.connectFailures()).isZero();
            assertThat(run.disconnects()).isZero();
            assertThat(run.errors()).as("acks answering another id than the one in flight").isZero();
            assertThat(run.acks()).isGreaterThan(100);
            assertThat(run.acksPerSecond()).isCloseTo(run.acks() / run.windowSeconds(),
                    org.assertj.core.api.Assertions.withinPercentage(1));
            assertThat(run.latency().p50Ms()).isPositive();
            assertThat(run.latency().p99Ms()).isGreaterThanOrEqualTo(run.latency().p50Ms());
            assertThat(run.latency().maxMs()).isGreaterThanOrEqualTo(run.latency().p99Ms()).isLessThan(2_000);
            assertThat(run.serverCpuMicrosPerAck()).isPositive();
            assertThat(run.serverRssBytes()).isGreaterThan(20L << 20);
            assertThat(run.client()).isEqualTo(TransportRun.NETTY);
            assertThat(run.load().totalPercent()).isPositive();
        }
    }
}
