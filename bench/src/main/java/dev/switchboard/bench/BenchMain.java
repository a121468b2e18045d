package dev.switchboard.bench;

import dev.switchboard.bench.official.Application;
import dev.switchboard.bench.official.IdleConnections;
import dev.switchboard.bench.official.OfficialTransport;
import dev.switchboard.bench.report.Charts;
import dev.switchboard.bench.report.Table;
import dev.switchboard.bench.result.AppRun;
import dev.switchboard.bench.result.ConnectionsRun;
import dev.switchboard.bench.result.Report;
import dev.switchboard.bench.result.SeedTiming;
import dev.switchboard.bench.result.TransportRun;
import dev.switchboard.bench.result.TransportSummary;
import dev.switchboard.bench.run.AppFixture;
import dev.switchboard.bench.run.LoadProcess;
import dev.switchboard.bench.run.Machine;
import dev.switchboard.bench.run.ServerProcess;
import dev.switchboard.bench.run.Servers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * scripts/bench: runs the workloads against our servers and the Node baseline, one server at a time,
 * ours and Node's interleaved, every Socket.IO load driven by the official {@code socket.io-client@4}
 * in Node load processes; prints the table, writes the JSON and the charts. Exits 1 when a server or
 * a load failed or when a workload asked for measured nothing, 0 otherwise.
 */
public final class BenchMain {

    /** The sizes of a run: {@code --quick} is the CI smoke run, the default the full run. */
    record Sizes(int transportClients, int pairs, double warmup, double window, int nettyPairs, double nettyWarmup,
                 double nettyWindow, int connections, int connectionsInFlight, double connectionsRampLimit,
                 int appUsers, List<Servers.Database> databases, double appStartRate, double appMaxRate, int appRefine,
                 double appWarmup, double appWindow, double ackTimeout, double overloadFactor, int seedUsers,
                 double seedTimeout) {

        static Sizes quick() {
            // a smoke run: no Netty second opinion, no file database, no 10,000-user seed
            return new Sizes(200, 1, 2, 3, 0, 1, 2, 200, 100, 30, 100, List.of(Servers.Database.memory), 25, 100, 0,
                    1, 2, 3, 4, 0, 0);
        }

        Sizes onlyOn(Servers.Database database) {
            return new Sizes(transportClients, pairs, warmup, window, nettyPairs, nettyWarmup, nettyWindow, connections,
                    connectionsInFlight, connectionsRampLimit, appUsers, List.of(database), appStartRate, appMaxRate,
                    appRefine, appWarmup, appWindow, ackTimeout, overloadFactor, seedUsers, seedTimeout);
        }

        static Sizes full() {
            return new Sizes(200, 3, 10, 15, 1, 5, 10, 10_000, 200, 150, 1_000,
                    List.of(Servers.Database.memory, Servers.Database.file), 100, 12_800, 2, 3, 10, 10, 4, 10_000, 240);
        }
    }

    static final double P99_TARGET_MS = 25;
    static final String OURS = "ours";
    static final String NODE = "node";
    static final Set<String> WORKLOADS = Set.of("transport", "connections", "app", "seed");

    private final Path root;
    private final boolean quick;
    private final Sizes sizes;
    private final Servers servers;
    private final Set<String> only;
    private final int processes;
    private final List<Double> fixedRates;
    private final long startNanos = System.nanoTime();
    private final List<String> notes = new ArrayList<>();
    private boolean failed;

    private BenchMain(Path root, boolean quick, String stamp, Set<String> only, boolean profile, int processes,
                      Servers.Database database, List<Double> fixedRates) {
        this.root = root;
        this.fixedRates = fixedRates;
        this.quick = quick;
        this.only = only;
        this.processes = processes;
        Sizes sizes = quick ? Sizes.quick() : Sizes.full();
        this.sizes = database == null ? sizes : sizes.onlyOn(database);
        this.servers = new Servers(root, root.resolve("bench/target/bench-logs/" + stamp), profile);
    }

    /** The command line of the orchestrator; scripts/bench passes its flags on. */
    @Command(name = "BenchMain", sortOptions = false, description = "Runs the benchmark's workloads.")
    static final class Options implements Callable<Integer> {
        @Option(names = "--root", paramLabel = "DIR", description = "the repository (default: the working directory)")
        Path root = Path.of(".");

        @Option(names = "--quick", description = "the smoke run (CI)")
        boolean quick;

        @Option(names = "--only", split = ",", paramLabel = "WORKLOAD",
                description = "some of transport, connections, app, seed (default: all)")
        Set<String> only;

        @Option(names = "--database", paramLabel = "KIND",
                description = "the application on this database only: memory or file (default: both)")
        Servers.Database database;

        @Option(names = "--rates", split = ",", paramLabel = "PER_SECOND",
                description = "offer the application mix at exactly these rates (say 2000,2000 to repeat one), "
                        + "instead of searching for the best rate; no overload step")
        List<Double> rates;

        @Option(names = "--profile", description = "record a JFR profile of our servers")
        boolean profile;

        @Option(names = "--load-processes", paramLabel = "N",
                description = "load processes (default: the cores, from 2 to 8)")
        Integer loadProcesses;

        @Option(names = "--render", paramLabel = "RESULT_JSON",
                description = "print the table and draw the charts again from this result file, then stop")
        Path render;

        @Option(names = "--charts", paramLabel = "DIR", description = "where the charts go")
        Path charts;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
        boolean help;

        @Override
        public Integer call() throws Exception {
            Path root = this.root.toAbsolutePath().normalize();
            if (render != null) {
                rerender(render, charts != null ? charts : root.resolve("docs/bench"));
                return 0;
            }
            Set<String> only = this.only == null ? WORKLOADS : this.only;
            if (!WORKLOADS.containsAll(only)) {
                throw new ParameterException(new CommandLine(this), "--only takes some of " + WORKLOADS + ", not "
                        + only);
            }
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            String stamp = now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            int cores = Runtime.getRuntime().availableProcessors();
            int processes = loadProcesses != null ? loadProcesses : Math.max(2, Math.min(8, cores));
            BenchMain bench = new BenchMain(root, quick, stamp, only, profile, processes, database,
                    rates == null ? List.of() : rates);
            Report report = bench.run(now.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z");
            String mode = (quick ? "quick" : "full")
                    + (only.size() < WORKLOADS.size() || profile || database != null || rates != null ? "-partial" : "");
            Path results = root.resolve("bench/results");
            Files.createDirectories(results);
            Path json = results.resolve(stamp + "-" + mode + ".json");
            Json.MAPPER.writeValue(json.toFile(), report);
            // only a complete full run replaces the charts the README shows
            Path chartsDir = charts != null ? charts : mode.equals("full") ? root.resolve("docs/bench")
                    : root.resolve("bench/target/charts-" + mode);
            List<Path> pngs = Charts.render(report, chartsDir);
            Table.print(report, System.out);
            System.out.println();
            System.out.println("results: " + root.relativize(json));
            pngs.forEach(p -> System.out.println("chart:   " + (p.startsWith(root) ? root.relativize(p) : p)));
            System.out.println("logs:    " + root.relativize(bench.servers.logs()));
            List<String> empty = bench.unmeasured(report);
            empty.forEach(e -> System.out.println("NOTHING MEASURED: " + e));
            return bench.failed || !empty.isEmpty() ? 1 : 0;
        }
    }

    public static void main(String[] argv) {
        System.exit(new CommandLine(new Options()).execute(argv));
    }

    /** Prints the table and draws the charts again from a result file (after a chart fix, say). */
    private static void rerender(Path json, Path charts) throws IOException {
        Report report = Json.MAPPER.readValue(json.toFile(), Report.class);
        Charts.render(report, charts).forEach(p -> System.out.println("chart: " + p));
        Table.print(report, System.out);
    }

    private Report run(String startedAt) {
        Machine machine = Machine.describe(root.resolve("bench/node"));
        progress(String.format("%s run on %d cores (load average %.2f), %d load processes; %s", quick ? "quick" : "full",
                machine.cores(), machine.loadAverageAtStart(), processes,
                quick ? "about 2 minutes" : "11-15 minutes"));
        if (machine.loadAverageAtStart() > 0.5 * machine.cores()) {
            note("the machine was busy when the run started (load average " + machine.loadAverageAtStart()
                    + " on " + machine.cores() + " cores): compare ratios within this run, not absolute figures");
        }
        Report.Transport transport = only.contains("transport") ? phase("transport", this::transport) : null;
        List<ConnectionsRun> connections = new ArrayList<>();
        if (only.contains("connections")) {
            action("connections (node socket.io, no app)", () -> {
                try (ServerProcess s = servers.node(true, "connections-node.log")) {
                    connections.add(idle("node (socket.io, no app)", s, null, "load-connections-node"));
                }
            });
            action("connections (our engine, no app)", () -> {
                try (ServerProcess s = servers.engineIdle("connections-engine.log")) {
                    connections.add(idle("ours (engine, no app)", s, null, "load-connections-engine"));
                }
            });
        }
        List<AppRun> app = new ArrayList<>();
        if (only.contains("app")) {
            for (Servers.Database database : sizes.databases()) {
                action("application (" + database + " database)", () -> application(database, app, connections));
            }
        }
        SeedTiming seed = only.contains("seed") && sizes.seedUsers() > 0 ? phase("seed", this::seedTiming) : null;
        return new Report(startedAt, quick ? "quick" : "full", machine, settings(), transport, connections, app, seed,
                List.copyOf(notes), Machine.loadAverage(), Math.round(elapsedSeconds()));
    }

    private Report.Settings settings() {
        return new Report.Settings(sizes.transportClients(), sizes.pairs(), sizes.warmup(), sizes.window(), processes,
                sizes.connections(), sizes.appUsers(), 25, sizes.appWindow(), sizes.ackTimeout(), P99_TARGET_MS,
                "socket.io-client@4 (bench/node/load.js), " + processes + " load processes",
                String.join(" ", Servers.conformanceCommand(0)),
                String.join(" ", Servers.appCommand(0, 0, Servers.Database.memory, Path.of("-"))),
                String.join(" ", Servers.nodeCommand(0, false)));
    }

    // ---- workload 1

    private Report.Transport transport() throws Exception {
        List<TransportRun> runs = new ArrayList<>();
        for (int pair = 1; pair <= sizes.pairs(); pair++) {
            // alternate who goes first, so neither always runs on the warmer (or more crowded) machine
            for (String server : pair % 2 == 1 ? List.of(OURS, NODE) : List.of(NODE, OURS)) {
                progress("transport pair " + pair + "/" + sizes.pairs() + ": " + server + " (official client)");
                String name = "transport-" + server + "-" + pair;
                try (ServerProcess s = transportServer(server, name + ".log")) {
                    if (s == null) {
                        continue;
                    }
                    TransportRun r = OfficialTransport.run(server, s, root, servers.logs(), "load-" + name, processes,
                            sizes.transportClients(), seconds(sizes.warmup()), seconds(sizes.window()));
                    report(r, pair);
                    runs.add(r);
                }
            }
        }
        for (int pair = 1; pair <= sizes.nettyPairs(); pair++) {
            for (String server : List.of(NODE, OURS)) {
                progress("transport second opinion: " + server + " (the bench's Netty client)");
                String name = "transport-netty-" + server + "-" + pair;
                try (ServerProcess s = transportServer(server, name + ".log")) {
                    if (s == null) {
                        continue;
                    }
                    TransportRun r = LoadProcess.run(TransportRun.class, List.of("transport",
                                    "--server-name", server, "--port", Integer.toString(s.port()),
                                    "--server-pid", Long.toString(s.pid()),
                                    "--clients", Integer.toString(sizes.transportClients()),
                                    "--warmup", Double.toString(sizes.nettyWarmup()),
                                    "--window", Double.toString(sizes.nettyWindow())),
                            servers.logs().resolve("load-" + name + ".log"), Duration.ofSeconds(120));
                    report(r, pair);
                    runs.add(r);
                }
            }
        }
        return new Report.Transport(runs, TransportSummary.all(runs));
    }

    private ServerProcess transportServer(String server, String logName) throws IOException {
        if (server.equals(NODE)) {
            return servers.node(false, logName);
        }
        ServerProcess s = servers.conformance(logName);
        if (s == null) {
            note("scripts/conformance-server is not there: our transport figures are missing");
        }
        return s;
    }

    private void report(TransportRun r, int pair) {
        progress(String.format("  %s, %s client: %.0f acks/s, p50 %.2f / p99 %.2f ms, %.1f us CPU/ack, load CPU %.0f %%"
                        + " (busiest process %.0f %%)", r.server(), r.client(), r.acksPerSecond(), r.latency().p50Ms(),
                r.latency().p99Ms(), r.serverCpuMicrosPerAck(), r.load().totalPercent(), r.load().busiestPercent()));
        String label = "transport " + r.server() + " (" + r.client() + " client) run " + pair;
        if (r.disconnects() > 0) {
            note(label + ": the server closed " + r.disconnects() + " accepted connections during the run");
        }
        if (r.connectFailures() > 0) {
            note(label + ": " + r.connectFailures() + " clients could not connect; measured with " + r.clients());
        }
        if (r.client().equals(TransportRun.OFFICIAL) && r.load().saturated()) {
            note(label + ": the busiest load process used " + r.load().busiestPercent()
                    + " % of a core; the client may have capped the figure (try --load-processes)");
        }
    }

    // ---- workload 3 (connections)

    private ConnectionsRun idle(String label, ServerProcess s, IdleConnections.Users users, String logName)
            throws Exception {
        ConnectionsRun run = IdleConnections.run(label, s, users, root, servers.logs(), logName, processes,
                sizes.connections(), sizes.connectionsInFlight(), seconds(sizes.connectionsRampLimit()));
        progress(String.format("  %s: %d connected in %.1f s (%.0f/s), %.1f KB RSS and %.1f KB heap per connection",
                label, run.ramp().connected(), run.ramp().seconds(), run.ramp().connectsPerSecond(),
                run.rssPerConnectionKb(), run.heapPerConnectionKb()));
        if (run.ramp().connected() < sizes.connections()) {
            note(label + ": " + run.ramp().connected() + " of " + sizes.connections() + " connections within "
                    + (int) sizes.connectionsRampLimit() + " s (" + run.ramp().failed() + " failed"
                    + (run.ramp().failureSamples().isEmpty() ? "" : ", e.g. " + run.ramp().failureSamples()) + ")");
        }
        return run;
    }

    // ---- workload 2 (and the authenticated connections of workload 3)

    /**
     * A server of its own started with {@code --warm-up}, then seeded, then every user's first connect: what the first
     * crowd after a warmed start sees, beside the cold start the main run measures.
     */
    private AppRun.WarmedStart warmedStart(Servers.Database database, Application.Settings settings) throws Exception {
        int dbPort = Servers.freePort();
        progress("app " + database + ": a server started with --warm-up");
        long started = System.nanoTime();
        try (ServerProcess s = servers.app(database, dbPort, "app-server-" + database + "-warm-up.log", true)) {
            double startSeconds = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
            progress(String.format("app %s: listening after %.1f s (the warm-up included); seeding", database,
                    startSeconds));
            Application.Fixture fixture = Application.seed(root, servers.logs(), database.name() + "-warm-up",
                    sizes.appUsers(), dbPort, Duration.ofSeconds(180));
            return new AppRun.WarmedStart(startSeconds, Application.firstConnect(database.name(), settings, s, fixture,
                    root, servers.logs(), this::progress));
        }
    }

    private void application(Servers.Database database, List<AppRun> into, List<ConnectionsRun> connections)
            throws Exception {
        if (!Files.isExecutable(root.resolve("scripts/server"))) {
            note("scripts/server is not there: the application figures are missing");
            return;
        }
        Application.Settings settings = new Application.Settings(sizes.appUsers(), processes, sizes.appStartRate(),
                sizes.appMaxRate(), sizes.appRefine(), seconds(sizes.appWarmup()), seconds(sizes.appWindow()),
                seconds(sizes.ackTimeout()), P99_TARGET_MS, fixedRates.isEmpty() ? sizes.overloadFactor() : 0, fixedRates);
        AppRun.WarmedStart warmedStart = fixedRates.isEmpty() ? warmedStart(database, settings) : null;
        int dbPort = Servers.freePort();
        try (ServerProcess s = servers.app(database, dbPort, "app-server-" + database + ".log")) {
            progress("app " + database + ": seeding " + sizes.appUsers() + " users with scripts/seed");
            Application.Fixture fixture = Application.seed(root, servers.logs(), database.name(), sizes.appUsers(), dbPort,
                    Duration.ofSeconds(180));
            progress(String.format("app %s: seeded in %.1f s", database, fixture.seeded().seconds()));
            AppRun run = Application.run(database.name(), settings, s, fixture, warmedStart, root, servers.logs(),
                    this::progress);
            into.add(run);
            if (run.connect().readyTimeouts() > 0 || run.connect().failed() > 0) {
                note("application (" + database + "): " + run.connect().failed() + " users could not connect and "
                        + run.connect().readyTimeouts() + " did not get all four connect pushes within 30 s"
                        + (run.connect().failureSamples().isEmpty() ? "" : ", e.g. " + run.connect().failureSamples()));
            }
            if (run.best() == null) {
                double lowest = fixedRates.isEmpty() ? sizes.appStartRate()
                        : fixedRates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
                note("application (" + database + "): even the lowest offered rate (" + lowest
                        + "/s) missed the target; see its steps");
            }
            if (database == Servers.Database.memory && only.contains("connections")) {
                Thread.sleep(3000); // the server handles the disconnects of the mix's users first
                progress("connections (application, authenticated, " + database + " database)");
                connections.add(idle("ours (application, authenticated)", s,
                        new IdleConnections.Users(fixture.plan(), Application.CONNECT_PUSHES), "load-connections-app"));
            }
        }
    }

    // ---- seeding 10,000 users

    private SeedTiming seedTiming() throws Exception {
        int dbPort = Servers.freePort();
        try (ServerProcess s = servers.app(Servers.Database.memory, dbPort, "seed-server.log")) {
            progress("seed: scripts/seed generated --users " + sizes.seedUsers() + " --seed 42 (time limit "
                    + (int) sizes.seedTimeout() + " s)");
            AppFixture.Seeded seeded = AppFixture.seed(root, sizes.seedUsers(), "mongodb://127.0.0.1:" + dbPort
                    + "/switchboard", servers.logs().resolve("seed-" + sizes.seedUsers() + ".log"),
                    seconds(sizes.seedTimeout()));
            progress(String.format("  seeded %d users: %s in %.1f s", sizes.seedUsers(), seeded.outcome(), seeded.seconds()));
            return new SeedTiming(sizes.seedUsers(), seeded.seconds(), seeded.completed(), seeded.outcome());
        }
    }

    /** Workloads that were asked for and measured nothing: a smoke run that ran nothing must not pass. */
    List<String> unmeasured(Report r) {
        List<String> out = new ArrayList<>();
        if (only.contains("transport")) {
            for (String server : List.of(OURS, NODE)) {
                boolean measured = r.transport() != null && r.transport().runs().stream()
                        .anyMatch(t -> t.server().equals(server) && t.client().equals(TransportRun.OFFICIAL) && t.acks() > 0);
                if (!measured) {
                    out.add("transport against " + server + " with the official client");
                }
            }
        }
        if (only.contains("connections") && r.connections().stream().noneMatch(c -> c.ramp().connected() > 0)) {
            out.add("idle connections");
        }
        if (only.contains("app") && r.app().stream().noneMatch(a -> a.steps().stream().anyMatch(s -> s.answered() > 0))) {
            out.add("application mix");
        }
        return out;
    }

    // ---- plumbing

    private interface Phase<T> {
        T run() throws Exception;
    }

    private interface VoidPhase {
        void run() throws Exception;
    }

    private <T> T phase(String name, Phase<T> body) {
        progress("== " + name);
        try {
            return body.run();
        } catch (Exception | Error e) {
            failed = true;
            note("FAILED " + name + ": " + e.getMessage());
            e.printStackTrace();
            return null;
        }
    }

    private void action(String name, VoidPhase body) {
        phase(name, () -> {
            body.run();
            return null;
        });
    }

    private void progress(String line) {
        long s = Math.round(elapsedSeconds());
        System.err.printf("[%02d:%02d] %s%n", s / 60, s % 60, line);
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void note(String note) {
        progress("note: " + note);
        notes.add(note);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
