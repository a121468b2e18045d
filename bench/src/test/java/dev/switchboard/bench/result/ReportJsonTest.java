package dev.switchboard.bench.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.bench.Json;
import dev.switchboard.bench.LatencyHistogram;
import dev.switchboard.bench.run.Machine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    @Test
    void aReportSurvivesTheRoundTripThroughItsJsonFile() throws Exception {
        Report report = sampleReport();
        String json = Json.MAPPER.writeValueAsString(report);
        assertThat(Json.MAPPER.readValue(json, Report.class)).isEqualTo(report);
    }

    @Test
    void theFileCarriesMachineSettingsAndTheFiguresUnderReadableNames() throws Exception {
        JsonNode tree = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(sampleReport()));
        assertThat(tree.at("/machine/cores").asInt()).isEqualTo(2);
        assertThat(tree.at("/machine/nodeVersion").asText()).isEqualTo("v20.20.2");
        assertThat(tree.at("/settings/transportClients").asInt()).isEqualTo(200);
        assertThat(tree.at("/transport/runs/0/client").asText()).isEqualTo("official");
        assertThat(tree.at("/transport/runs/0/load/busiestPercent").asDouble()).isEqualTo(40.0);
        assertThat(tree.at("/transport/medians/0/acksPerSecond").asDouble()).isEqualTo(15000.0);
        assertThat(tree.at("/transport/runs/0/latency/p99Ms").asDouble()).isEqualTo(2.0);
        assertThat(tree.at("/connections/0/rssPerConnectionKb").asDouble()).isEqualTo(20.0);
        assertThat(tree.at("/app/0/best/events/message~1new/p99Ms").asDouble()).isEqualTo(9.0);
        assertThat(tree.at("/app/0/overload/statuses/unavailable").asLong()).isEqualTo(700);
        assertThat(tree.at("/app/0/connect/connectsPerSecond").asDouble()).isEqualTo(55.0);
        assertThat(tree.at("/seed/seconds").asDouble()).isEqualTo(42.5);
    }

    @Test
    void mediansTakeTheMiddleRunOrTheMeanOfTheMiddleTwo() {
        TransportRun a = transportRun("ours", 100);
        TransportRun b = transportRun("ours", 300);
        TransportRun c = transportRun("ours", 200);
        assertThat(TransportSummary.of("ours", "official", List.of(a, b, c)).acksPerSecond()).isEqualTo(200);
        assertThat(TransportSummary.of("ours", "official", List.of(a, b)).acksPerSecond()).isEqualTo(200);
        assertThat(TransportSummary.of("node", "official", List.of(a, b)).runs()).isZero();
        assertThat(TransportSummary.of("ours", "netty", List.of(a, b)).runs()).isZero();
    }

    @Test
    void memoryPerConnectionIsTheGrowthDividedByTheConnectionsHeld() {
        ConnectionsRamp ramp = new ConnectionsRamp(1000, 1000, 0, 2.0, 500.0, Latency.empty(), new LoadCpu(2, 30, 20), List.of());
        ConnectionsRun run = ConnectionsRun.of("x", false, ramp, 50L << 20, (50L << 20) + 1000 * 30 * 1024, 10L << 20,
                (10L << 20) + 1000 * 5 * 1024);
        assertThat(run.rssPerConnectionKb()).isEqualTo(30.0);
        assertThat(run.heapPerConnectionKb()).isEqualTo(5.0);
    }

    static TransportRun transportRun(String server, double acksPerSecond) {
        LatencyHistogram h = new LatencyHistogram();
        h.record(1_000_000);
        h.record(2_000_000);
        return new TransportRun(server, TransportRun.OFFICIAL, 200, 10, (long) (acksPerSecond * 10), acksPerSecond,
                Latency.of(h), 12.5, 90, 90L << 20, new LoadCpu(2, 70, 40), 0, 0, 0);
    }

    static Report sampleReport() {
        Machine machine = new Machine("AMD EPYC", 2, 24L << 30, "Linux 6.1", "17.0.15", "OpenJDK 64-Bit Server VM",
                "v20.20.2", "4.8.4", 1.5);
        Report.Settings settings = new Report.Settings(200, 3, 10, 15, 2, 10_000, 1000, 25, 10, 10, 25,
                "socket.io-client@4", "scripts/conformance-server --port 0", "scripts/server --port 0",
                "node bench/node/server.js");
        List<TransportRun> runs = List.of(transportRun("ours", 15000), transportRun("node", 12000));
        Report.Transport transport = new Report.Transport(runs, TransportSummary.all(runs));
        ConnectionsRamp ramp = new ConnectionsRamp(1000, 1000, 0, 2.0, 500.0, Latency.empty(), new LoadCpu(2, 30, 20),
                List.of());
        ConnectionsRun connections = ConnectionsRun.of("node", false, ramp, 0, 1000 * 20 * 1024, 0, 1000 * 4 * 1024);
        Map<String, EventFigures> events = new LinkedHashMap<>();
        events.put("message/new", new EventFigures(100, Map.of("ok", 100L), 0, 3, 9, 12));
        AppStep step = new AppStep(200, 10, 199.5, 199.5, Latency.empty(), Map.of("ok", Latency.empty()), Map.of("ok", 1995L), 0, 0, events,
                Map.of("tweet/new", Latency.empty()), new LoadCpu(2, 20, 12), 30, 60, new GcPauses(19, 12.5, 31, 260, 2.6),
                true, "ok");
        AppStep overload = new AppStep(800, 10, 750, 680, Latency.empty(), null, Map.of("ok", 6800L, "unavailable", 700L), 50,
                0, events, Map.of(), new LoadCpu(2, 40, 25), 80, 190, null, false,
                "50 acks timed out");
        AppConnect connect = new AppConnect(1000, 1000, 0, 25, 18.2, 55.0, Latency.empty(), 0, 150, 30, new LoadCpu(2, 40,
                21), List.of());
        AppRun app = new AppRun("memory", 1000, 12.3, connect, new AppRun.WarmedStart(9.5, connect), connect,
                List.of(connect), 25, List.of(step), step, 199.5,
                4, overload);
        return new Report("2026-11-25T12:00:00Z", "full", machine, settings, transport, List.of(connections),
                List.of(app), new SeedTiming(10_000, 42.5, true, "ok"), List.of("a note"), 1.0, 1200);
    }
}
