package dev.switchboard.bench.report;

import dev.switchboard.bench.result.AppConnect;
import dev.switchboard.bench.result.AppRun;
import dev.switchboard.bench.result.AppStep;
import dev.switchboard.bench.result.GcPauses;
import dev.switchboard.bench.result.ConnectionsRun;
import dev.switchboard.bench.result.EventFigures;
import dev.switchboard.bench.result.Latency;
import dev.switchboard.bench.result.Report;
import dev.switchboard.bench.result.TransportRun;
import dev.switchboard.bench.result.TransportSummary;
import dev.switchboard.bench.run.Machine;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The run's figures as text tables: ours next to the Node baseline, the Netty client's second opinion beside. */
public final class Table {

    private Table() {
    }

    public static void print(Report r, PrintStream out) {
        Machine m = r.machine();
        out.printf("%nSwitchboard bench, %s run of %s (%.0f s)%n", r.mode(), r.startedAt(), r.durationSeconds());
        out.printf("machine: %s, %d cores, %.1f GiB, Java %s, Node %s, socket.io %s; load average %.2f at the start,"
                        + " %.2f at the end%n", m.cpuModel(), m.cores(), m.memoryBytes() / 1073741824.0, m.javaVersion(),
                m.nodeVersion(), m.socketIoVersion(), m.loadAverageAtStart(), r.loadAverageAtEnd());
        out.printf("load: %s%n", r.settings().client());
        transport(r, out);
        app(r, out);
        connections(r, out);
        if (r.seed() != null) {
            out.printf("%n4. scripts/seed generated --users %d --seed 42 into a fresh in-memory server: %.1f s (%s)%n",
                    r.seed().users(), r.seed().seconds(), r.seed().outcome());
        }
        if (!r.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            r.notes().forEach(n -> out.println("  - " + n));
        }
    }

    private static void transport(Report r, PrintStream out) {
        Report.Settings s = r.settings();
        out.printf("%n1. Transport: %d websocket clients, one message-with-ack in flight each; %d pair(s) of %.0f s"
                + " windows after %.0f s warm-up, ours and Node interleaved; medians%n", s.transportClients(),
                s.transportPairs(), s.windowSeconds(), s.warmupSeconds());
        if (r.transport() == null || r.transport().medians().isEmpty()) {
            out.println("   (not measured)");
            return;
        }
        Optional<TransportSummary> ours = summary(r, "ours", TransportRun.OFFICIAL);
        Optional<TransportSummary> node = summary(r, "node", TransportRun.OFFICIAL);
        Optional<TransportSummary> oursNetty = summary(r, "ours", TransportRun.NETTY);
        Optional<TransportSummary> nodeNetty = summary(r, "node", TransportRun.NETTY);
        out.printf("   %-32s %10s %10s %9s   %s%n", "official socket.io-client@4", "ours", "node", "ours/node",
                oursNetty.isPresent() || nodeNetty.isPresent() ? "| Netty client (2nd opinion): ours, node, ratio" : "");
        row(out, "acks/s", ours, node, oursNetty, nodeNetty, TransportSummary::acksPerSecond, "%10.0f");
        row(out, "ack latency p50 (ms)", ours, node, oursNetty, nodeNetty, TransportSummary::p50Ms, "%10.2f");
        row(out, "ack latency p99 (ms)", ours, node, oursNetty, nodeNetty, TransportSummary::p99Ms, "%10.2f");
        row(out, "ack latency p99.9 (ms)", ours, node, oursNetty, nodeNetty, TransportSummary::p999Ms, "%10.2f");
        row(out, "server CPU per ack (us)", ours, node, oursNetty, nodeNetty, TransportSummary::serverCpuMicrosPerAck,
                "%10.1f");
        row(out, "server RSS (MB)", ours, node, oursNetty, nodeNetty, TransportSummary::serverRssMb, "%10.0f");
        row(out, "load CPU, all processes (%)", ours, node, oursNetty, nodeNetty, TransportSummary::clientCpuPercent,
                "%10.0f");
        row(out, "load CPU, busiest process (%)", ours, node, oursNetty, nodeNetty,
                TransportSummary::busiestClientCpuPercent, "%10.0f");
        row(out, "clients connected", ours, node, oursNetty, nodeNetty, TransportSummary::clients, "%10.0f");
        row(out, "clients dropped in the run", ours, node, oursNetty, nodeNetty, TransportSummary::disconnects, "%10.0f");
    }

    private static void row(PrintStream out, String label, Optional<TransportSummary> ours,
                            Optional<TransportSummary> node, Optional<TransportSummary> oursNetty,
                            Optional<TransportSummary> nodeNetty, ToDoubleFunction<TransportSummary> f, String format) {
        String second = oursNetty.isPresent() || nodeNetty.isPresent()
                ? "| " + cell(oursNetty, f, format).trim() + ", " + cell(nodeNetty, f, format).trim() + ", "
                + ratio(oursNetty, nodeNetty, f).trim() : "";
        out.printf("   %-32s %s %s %9s   %s%n", label, cell(ours, f, format), cell(node, f, format),
                ratio(ours, node, f), second);
    }

    private static String cell(Optional<TransportSummary> s, ToDoubleFunction<TransportSummary> f, String format) {
        return s.map(o -> String.format(format, f.applyAsDouble(o))).orElse(String.format("%10s", "-"));
    }

    private static String ratio(Optional<TransportSummary> a, Optional<TransportSummary> b,
                                ToDoubleFunction<TransportSummary> f) {
        return a.isPresent() && b.isPresent() && f.applyAsDouble(b.get()) != 0
                ? String.format("%.2fx", f.applyAsDouble(a.get()) / f.applyAsDouble(b.get())) : "";
    }

    public static Optional<TransportSummary> summary(Report r, String server, String client) {
        return r.transport() == null ? Optional.empty() : r.transport().medians().stream()
                .filter(t -> t.server().equals(server) && t.client().equals(client)).findFirst();
    }

    private static void app(Report r, PrintStream out) {
        Report.Settings s = r.settings();
        out.printf("%n2. Application: %d users of the generated fixture (--seed 42, default density); connect with %d"
                        + " handshakes in flight until the 4th connect push; the mix offered open-loop at rising rates until"
                        + " p99 ack >= %.0f ms, then at 4x the best rate; acks not answered within %.0f s time out%n",
                s.appUsers(), s.appConnectInFlight(), s.p99TargetMs(), s.ackTimeoutSeconds());
        if (r.app() == null || r.app().isEmpty()) {
            out.println("   (not measured)");
            return;
        }
        for (AppRun app : r.app()) {
            out.printf("%n   %s database: seeded in %.1f s%n", app.database(), app.seedSeconds());
            connectRow(out, "first connect after start (cold JVM, nothing cached)", app.firstConnect());
            if (app.warmedStart() != null) {
                connectRow(out, String.format("first connect after a start with --warm-up (listening after %.1f s)",
                        app.warmedStart().startSeconds()), app.warmedStart().firstConnect());
            }
            connectRow(out, "the same users connect again", app.connect());
            if (app.warmConnects() != null) {
                for (int i = 0; i < app.warmConnects().size(); i++) {
                    connectRow(out, "again after the mix's warm-up, round " + (i + 1), app.warmConnects().get(i));
                }
                if (!app.warmConnects().isEmpty()) {
                    out.printf("   warm server (median of those rounds): %.0f connects/s%n", app.warmConnectsPerSecond());
                }
            }
            out.printf("   %-14s %11s %8s %8s %8s %9s %10s %9s %12s %16s  %s%n", "offered/s", "completed/s", "ok/s",
                    "p50 ms", "p99 ms", "timeouts", "server CPU", "load CPU", "client stall", "GC pauses, max", "verdict");
            for (AppStep step : app.steps()) {
                stepRow(out, "", step);
            }
            if (app.overload() != null) {
                stepRow(out, String.format("%.0fx: ", app.overloadFactor()), app.overload());
                out.printf("   overload: completed %.0f/s against a peak of %.0f/s (%.2fx); answered %s, %d timed out%n",
                        app.overload().completedPerSecond(), app.peakCompletedPerSecond(),
                        app.peakCompletedPerSecond() == 0 ? 0 : app.overload().completedPerSecond()
                                / app.peakCompletedPerSecond(), app.overload().statuses(), app.overload().timeouts());
                for (String status : List.of("ok", "unavailable")) {
                    app.overload().ackOf(status).ifPresent(l -> out.printf(
                            "      %s answered after p50 %.1f ms, p99 %.1f ms, longest %.1f ms%n", status, l.p50Ms(),
                            l.p99Ms(), l.maxMs()));
                }
            }
            AppStep best = featuredStep(app);
            if (app.best() == null) {
                out.println("   no offered rate kept p99 under the target; figures of the lowest rate tried:");
            } else {
                out.printf("   highest rate with p99 < %.0f ms: %.0f events/s offered, %.0f completed/s%n",
                        app.p99TargetMs(), best.offeredPerSecond(), best.completedPerSecond());
            }
            out.printf("   %-30s %8s %10s %9s %9s %9s%n", "at that rate", "answered", "not ok", "timeouts", "p50 ms",
                    "p99 ms");
            for (Map.Entry<String, EventFigures> e : best.events().entrySet()) {
                EventFigures f = e.getValue();
                out.printf("   %-30s %8d %10d %9d %9.2f %9.2f%n", e.getKey(), f.answered(), f.notOk(), f.timeouts(),
                        f.p50Ms(), f.p99Ms());
            }
            for (Map.Entry<String, Latency> e : best.pushes().entrySet()) {
                Latency l = e.getValue();
                out.printf("   %-30s %8d %10s %9s %9.2f %9.2f%n", "push " + e.getKey(), l.count(), "", "", l.p50Ms(),
                        l.p99Ms());
            }
        }
    }

    private static void connectRow(PrintStream out, String what, AppConnect c) {
        if (c == null) {
            return;
        }
        out.printf("   %s: %d of %d users at %.0f/s (to the 4th push p50 %.0f ms, p99 %.0f ms), server CPU %.1f ms per"
                        + " connect%n", what, c.connected(), c.target(), c.connectsPerSecond(), c.toFourthPush().p50Ms(),
                c.toFourthPush().p99Ms(), c.serverCpuMillisPerConnect());
    }

    private static void stepRow(PrintStream out, String prefix, AppStep step) {
        GcPauses gc = step.gcPauses();
        out.printf("   %-14s %11.0f %8.0f %8.2f %8.2f %9d %9.0f%% %8.0f%% %12.0f %16s  %s%n",
                prefix + Math.round(step.offeredPerSecond()), step.completedPerSecond(), step.okPerSecond(),
                step.ack().p50Ms(), step.ack().p99Ms(), step.timeouts(), step.serverCpuPercent(),
                step.load().totalPercent(), step.clientStallMs(),
                gc == null ? "-" : String.format("%d, %.0f ms", gc.count(), gc.maxMs()), step.verdict());
    }

    /** The step the per-event figures are shown for: the best one, or the lowest rate when none met the target. */
    public static AppStep featuredStep(AppRun app) {
        return app.best() != null ? app.best() : app.steps().get(0);
    }

    private static void connections(Report r, PrintStream out) {
        out.printf("%n3. Connections: ramp to %d idle websocket connections (official client, each socket its own"
                + " connection); memory after a full GC, before and after%n", r.settings().connections());
        if (r.connections() == null || r.connections().isEmpty()) {
            out.println("   (not measured)");
            return;
        }
        out.printf("   %-36s %10s %10s %12s %13s %9s%n", "server", "connected", "connects/s", "RSS KB/conn",
                "heap KB/conn", "load CPU");
        for (ConnectionsRun c : r.connections()) {
            out.printf("   %-36s %10d %10.0f %12.1f %13.1f %8.0f%%%n", c.server(), c.ramp().connected(),
                    c.ramp().connectsPerSecond(), c.rssPerConnectionKb(), c.heapPerConnectionKb(),
                    c.ramp().load().totalPercent());
        }
    }
}
