package dev.switchboard.bench.report;

import dev.switchboard.bench.result.AppRun;
import dev.switchboard.bench.result.AppStep;
import dev.switchboard.bench.result.ConnectionsRun;
import dev.switchboard.bench.result.EventFigures;
import dev.switchboard.bench.result.Latency;
import dev.switchboard.bench.result.Report;
import dev.switchboard.bench.result.TransportSummary;
import dev.switchboard.bench.run.Machine;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The run's figures as text tables, ours next to the Node baseline, with the targets of issue 5. */
public final class Table {

    private Table() {
    }

    public static void print(Report r, PrintStream out) {
        Machine m = r.machine();
        out.printf("%nSwitchboard bench, %s run of %s on %s (%d cores, %.1f GiB), Java %s, Node %s, socket.io %s%n",
                r.mode(), r.startedAt(), m.cpuModel(), m.cores(), m.memoryBytes() / 1073741824.0, m.javaVersion(),
                m.nodeVersion(), m.socketIoVersion());
        transport(r, out);
        app(r, out);
        connections(r, out);
        targets(r, out);
        if (!r.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            r.notes().forEach(n -> out.println("  - " + n));
        }
    }

    private static void transport(Report r, PrintStream out) {
        Report.Settings s = r.settings();
        out.printf("%n1. Transport: %d websocket clients, one message-with-ack in flight each; %d run(s) of %.0f s"
                + " after %.0f s warm-up, medians%n", s.transportClients(), s.transportRepetitions(), s.windowSeconds(),
                s.warmupSeconds());
        if (r.transport() == null || r.transport().medians().isEmpty()) {
            out.println("   (not measured)");
            return;
        }
        Optional<TransportSummary> ours = summary(r, "ours");
        Optional<TransportSummary> node = summary(r, "node");
        out.printf("   %-28s %12s %12s %10s%n", "", "ours", "node", "ours/node");
        row(out, "acks/s", ours, node, TransportSummary::acksPerSecond, "%12.0f");
        row(out, "ack latency p50 (ms)", ours, node, TransportSummary::p50Ms, "%12.2f");
        row(out, "ack latency p99 (ms)", ours, node, TransportSummary::p99Ms, "%12.2f");
        row(out, "ack latency p99.9 (ms)", ours, node, TransportSummary::p999Ms, "%12.2f");
        row(out, "server CPU per ack (us)", ours, node, TransportSummary::serverCpuMicrosPerAck, "%12.1f");
        row(out, "server RSS (MB)", ours, node, TransportSummary::serverRssMb, "%12.0f");
        row(out, "load client CPU (% of a core)", ours, node, TransportSummary::clientCpuPercent, "%12.0f");
        row(out, "clients connected", ours, node, TransportSummary::clients, "%12.0f");
        row(out, "clients dropped in the run", ours, node, TransportSummary::disconnects, "%12.0f");
    }

    private static void row(PrintStream out, String label, Optional<TransportSummary> ours,
                            Optional<TransportSummary> node, ToDoubleFunction<TransportSummary> f, String format) {
        String a = ours.map(o -> String.format(format, f.applyAsDouble(o))).orElse(String.format("%12s", "-"));
        String b = node.map(o -> String.format(format, f.applyAsDouble(o))).orElse(String.format("%12s", "-"));
        String ratio = ours.isPresent() && node.isPresent() && f.applyAsDouble(node.get()) != 0
                ? String.format("%9.2fx", f.applyAsDouble(ours.get()) / f.applyAsDouble(node.get())) : "";
        out.printf("   %-28s %s %s %10s%n", label, a, b, ratio);
    }

    public static Optional<TransportSummary> summary(Report r, String server) {
        return r.transport() == null ? Optional.empty()
                : r.transport().medians().stream().filter(t -> t.server().equals(server)).findFirst();
    }

    private static void app(Report r, PrintStream out) {
        Report.Settings s = r.settings();
        out.printf("%n2. Application: %d users (generated fixture, ~%d followers each) on the in-memory database;"
                + " mixed load stepped up until p99 ack latency >= %.0f ms%n", s.appUsers(), s.appDensity(),
                s.p99TargetMs());
        AppRun app = r.app();
        if (app == null) {
            out.println("   (not measured)");
            return;
        }
        out.printf("   %-12s %10s %10s %10s %10s  %s%n", "offered/s", "acked/s", "p50 ms", "p99 ms", "server CPU", "verdict");
        for (AppStep step : app.steps()) {
            out.printf("   %-12.0f %10.0f %10.2f %10.2f %9.0f%%  %s%n", step.offeredPerSecond(), step.ackedPerSecond(),
                    step.ack().p50Ms(), step.ack().p99Ms(), step.serverCpuPercent(), step.verdict());
        }
        AppStep best = featuredStep(app);
        if (app.best() == null) {
            out.println("   no offered rate kept p99 under the target; figures of the lowest rate tried:");
        } else {
            out.printf("   highest rate with p99 < %.0f ms: %.0f events/s offered, %.0f acked/s%s%n", app.p99TargetMs(),
                    best.offeredPerSecond(), best.ackedPerSecond(), app.confirm() == null ? ""
                            : String.format(" (measured again: %.0f acked/s, p99 %.2f ms, %s)",
                            app.confirm().ackedPerSecond(), app.confirm().ack().p99Ms(), app.confirm().verdict()));
        }
        out.printf("   at that rate:   %-26s %8s %8s %9s %9s%n", "", "count", "errors", "p50 ms", "p99 ms");
        for (Map.Entry<String, EventFigures> e : best.events().entrySet()) {
            EventFigures f = e.getValue();
            out.printf("   %-16s%-26s %8d %8d %9.2f %9.2f%n", "", e.getKey(), f.count(), f.errors(), f.p50Ms(), f.p99Ms());
        }
        for (Map.Entry<String, Latency> e : best.pushes().entrySet()) {
            Latency l = e.getValue();
            out.printf("   %-16s%-26s %8d %8s %9.2f %9.2f%n", "push delivery", e.getKey(), l.count(), "", l.p50Ms(), l.p99Ms());
        }
    }

    /** The step the per-event figures are shown for: the best one, or the lowest rate when none met the target. */
    public static AppStep featuredStep(AppRun app) {
        return app.best() != null ? app.best() : app.steps().get(0);
    }

    private static void connections(Report r, PrintStream out) {
        out.printf("%n3. Connections: ramp to %d idle websocket connections; memory after a full GC, before and after%n",
                r.settings().connections());
        if (r.connections() == null || r.connections().isEmpty()) {
            out.println("   (not measured)");
            return;
        }
        out.printf("   %-36s %10s %10s %12s %13s %11s%n", "server", "connected", "connects/s", "RSS KB/conn",
                "heap KB/conn", "client CPU");
        for (ConnectionsRun c : r.connections()) {
            out.printf("   %-36s %10d %10.0f %12.1f %13.1f %10.0f%%%n", c.server(), c.ramp().connected(),
                    c.ramp().connectsPerSecond(), c.rssPerConnectionKb(), c.heapPerConnectionKb(),
                    c.ramp().clientCpuPercent());
        }
    }

    private static void targets(Report r, PrintStream out) {
        out.println();
        out.println("Targets (issue 5):");
        for (String line : targetLines(r)) {
            out.println("  - " + line);
        }
    }

    /** One sentence per target of issue 5: met, missed, or not measured. */
    public static List<String> targetLines(Report r) {
        Optional<TransportSummary> ours = summary(r, "ours");
        Optional<TransportSummary> node = summary(r, "node");
        String throughput = ours.isPresent() && node.isPresent()
                ? verdict(ours.get().acksPerSecond() >= node.get().acksPerSecond()) + String.format(
                " transport acks/s at least Node's: %.0f vs %.0f", ours.get().acksPerSecond(), node.get().acksPerSecond())
                : "NOT MEASURED transport acks/s";
        String cpu = ours.isPresent() && node.isPresent()
                ? verdict(ours.get().serverCpuMicrosPerAck() <= node.get().serverCpuMicrosPerAck()) + String.format(
                " server CPU per ack at most Node's: %.1f vs %.1f us", ours.get().serverCpuMicrosPerAck(),
                node.get().serverCpuMicrosPerAck())
                : "NOT MEASURED server CPU per ack";
        String app = r.app() == null ? "NOT MEASURED application p99"
                : r.app().best() == null ? "MISSED application p99 under " + r.app().p99TargetMs() + " ms at any rate"
                : String.format("MET application p99 under %.0f ms up to %.0f events/s (p99 %.2f ms there)",
                r.app().p99TargetMs(), r.app().best().offeredPerSecond(), r.app().best().ack().p99Ms());
        Optional<ConnectionsRun> nodeIdle = r.connections().stream().filter(c -> c.server().startsWith("node")).findFirst();
        Optional<ConnectionsRun> oursIdle = r.connections().stream().filter(ConnectionsRun::authenticated).findFirst()
                .or(() -> r.connections().stream().filter(c -> c.server().startsWith("ours")).findFirst());
        String memory = nodeIdle.isPresent() && oursIdle.isPresent()
                ? verdict(oursIdle.get().rssPerConnectionKb() <= nodeIdle.get().rssPerConnectionKb()) + String.format(
                " memory per idle connection at most Node's: %s %.1f KB RSS vs node %.1f KB RSS",
                oursIdle.get().server(), oursIdle.get().rssPerConnectionKb(), nodeIdle.get().rssPerConnectionKb())
                : "NOT MEASURED memory per idle connection";
        return List.of(throughput, cpu, app, memory);
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "MISSED";
    }
}
