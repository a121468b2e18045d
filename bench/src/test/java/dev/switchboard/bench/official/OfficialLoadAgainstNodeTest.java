package dev.switchboard.bench.official;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.switchboard.bench.NodePackages;
import dev.switchboard.bench.result.ConnectionsRun;
import dev.switchboard.bench.result.TransportRun;
import dev.switchboard.bench.run.ServerProcess;
import dev.switchboard.bench.run.Servers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official-client load workers (bench/node/load.js, socket.io-client@4) end to end, two processes
 * against the real Node socket.io baseline: the transport loop and a ramp of idle connections.
 */
class OfficialLoadAgainstNodeTest {

    private static final Path NODE_DIR = NodePackages.DIR;
    private static final Path ROOT = NODE_DIR.getParent().getParent();

    @BeforeAll
    static void installTheNodePackages() throws Exception {
        NodePackages.install();
    }

    private static ServerProcess node(Path logs, boolean idle) throws Exception {
        int port = Servers.freePort();
        return ServerProcess.start("node baseline", ServerProcess.Runtime.NODE, Servers.nodeCommand(port, idle), ROOT,
                logs.resolve("node.log"), port, Duration.ofSeconds(30), Map.of());
    }

    @Test
    void twoLoadProcessesKeepOneAckInFlightPerClientAndReportTheirCpu() throws Exception {
        Path logs = Files.createTempDirectory("bench-official");
        try (ServerProcess node = node(logs, false)) {
            TransportRun run = OfficialTransport.run("node", node, ROOT, logs, "load", 2, 30, Duration.ofMillis(700),
                    Duration.ofSeconds(2));

            assertThat(run.client()).isEqualTo(TransportRun.OFFICIAL);
            assertThat(run.clients()).isEqualTo(30);
            assertThat(run.connectFailures()).isZero();
            assertThat(run.disconnects()).isZero();
            assertThat(run.errors()).as("acks that did not carry the arguments sent").isZero();
            assertThat(run.acks()).isGreaterThan(200);
            assertThat(run.acksPerSecond()).isCloseTo(run.acks() / run.windowSeconds(), withinPercentage(1));
            assertThat(run.latency().p50Ms()).isPositive();
            assertThat(run.latency().p99Ms()).isGreaterThanOrEqualTo(run.latency().p50Ms());
            assertThat(run.latency().maxMs()).isGreaterThanOrEqualTo(run.latency().p99Ms()).isLessThan(2_000);
            assertThat(run.serverCpuMicrosPerAck()).isPositive();
            assertThat(run.load().processes()).isEqualTo(2);
            assertThat(run.load().totalPercent()).isPositive().isGreaterThanOrEqualTo(run.load().busiestPercent());
        }
    }

    @Test
    void aRampOfIdleConnectionsIsHeldWhileTheServersMemoryIsRead() throws Exception {
        Path logs = Files.createTempDirectory("bench-official");
        try (ServerProcess node = node(logs, true)) {
            ConnectionsRun run = IdleConnections.run("node", node, null, ROOT, logs, "load", 2, 101, 20,
                    Duration.ofSeconds(60));

            assertThat(run.ramp().connected()).isEqualTo(101);
            assertThat(run.ramp().failed()).isZero();
            assertThat(run.ramp().connectLatency().count()).isEqualTo(101);
            assertThat(run.ramp().connectsPerSecond()).isPositive();
            assertThat(run.heapAfterBytes()).as("101 sockets held when the heap was read")
                    .isGreaterThan(run.heapBeforeBytes());
            assertThat(List.of(run.rssPerConnectionKb(), run.heapPerConnectionKb())).allMatch(kb -> kb > 0);
        }
    }
}
