package dev.switchboard.bench;

import dev.switchboard.bench.report.Charts;
import dev.switchboard.bench.report.Table;
import dev.switchboard.bench.result.AppPlan;
import dev.switchboard.bench.result.AppRun;
import dev.switchboard.bench.result.ConnectionsRamp;
import dev.switchboard.bench.result.ConnectionsRun;
import dev.switchboard.bench.result.Report;
import dev.switchboard.bench.result.TransportRun;
import dev.switchboard.bench.result.TransportSummary;
import dev.switchboard.bench.run.AppFixture;
import dev.switchboard.bench.run.LoadProcess;
import dev.switchboard.bench.run.Machine;
import dev.switchboard.bench.run.ServerProcess;
import dev.switchboard.server.fixture.FixtureSpec;
import dev.switchboard.server.fixture.SeedReport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * scripts/bench: runs the three workloads against our servers and the Node baseline, one server at a
 * time, each load in a process of its own; prints the table, writes the JSON and the charts.
 * Exits 1 when a server or a load failed, 0 otherwise (a server whose script is not there yet is
 * reported as skipped).
 */
public final class BenchMain {

    /** The sizes of a run: {@code --quick} is the CI smoke run, the default the full run. */
    record Sizes(int transportClients, int transportReps, double warmup, double window, int connections,
                 int connectionsInFlight, int appUsers, int appDensity, double appStartRate, double appMaxRate,
                 int appRefine, boolean appConfirm, double appWarmup, double appWindow) {

        static Sizes quick() {
            return new Sizes(200, 1, 2, 3, 300, 100, 200, 20, 10, 40, 0, false, 1, 2);
        }

        static Sizes full() {
            return new Sizes(200, 2, 5, 15, 10_000, 200, 1_000, 50, 10, 10_240, 2, true, 3, 10);
        }
    }

    static final double P99_TARGET_MS = 25;
    static final String OURS = "ours";
    static final String NODE = "node";

    private final Path root;
    private final boolean quick;
    private final Sizes sizes;
    private final Path logs;
    private final java.util.Set<String> only;
    private final boolean profile;
    private final List<String> notes = new ArrayList<>();
    private boolean failed;

    private BenchMain(Path root, boolean quick, String stamp, java.util.Set<String> only, boolean profile) {
        this.root = root;
        this.quick = quick;
        this.only = only;
        this.profile = profile;
        this.sizes = quick ? Sizes.quick() : Sizes.full();
        this.logs = root.resolve("bench/target/bench-logs/" + stamp);
    }

    /** The command line of the orchestrator; scripts/bench passes its flags on. */
    @Command(name = "BenchMain", sortOptions = false, description = "Runs the benchmark's workloads.")
    static final class Options implements Callable<Integer> {
        @Option(names = "--root", paramLabel = "DIR", description = "the repository (default: the working directory)")
        Path root = Path.of(".");

        @Option(names = "--quick", description = "the smoke run (CI)")
        boolean quick;

        @Option(names = "--only", split = ",", paramLabel = "WORKLOAD",
                description = "some of transport, connections, app (default: all three)")
        Set<String> only;

        @Option(names = "--profile", description = "record a JFR profile of our servers")
        boolean profile;

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
            Set<String> workloads = Set.of("transport", "connections", "app");
            Set<String> only = this.only == null ? workloads : this.only;
            if (!workloads.containsAll(only)) {
                throw new ParameterException(new CommandLine(this),
                        "--only takes some of transport, connections, app; not " + only);
            }
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            String stamp = now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            BenchMain bench = new BenchMain(root, quick, stamp, only, profile);
            Report report = bench.run(now.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z");
            String mode = (quick ? "quick" : "full") + (only.size() < 3 || profile ? "-partial" : "");
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
            System.out.println("logs:    " + root.relativize(bench.logs));
            return bench.failed ? 1 : 0;
        }
    }

    public static void main(String[] argv) {
        System.exit(new CommandLine(new Options()).execute(argv));
    }

    /** Prints the table and draws the charts again from a result file (after a chart fix, say). */
    private static void rerender(Path json, Path charts) throws IOException {
        Report read = Json.MAPPER.readValue(json.toFile(), Report.class);
        Report report = read.transport() == null ? read : new Report(read.startedAt(), read.mode(), read.machine(),
                read.settings(), new Report.Transport(read.transport().runs(), medians(read.transport().runs())),
                read.connections(), read.app(), read.notes(), read.loadAverageAtEnd());
        Charts.render(report, charts).forEach(p -> System.out.println("chart: " + p));
        Table.print(report, System.out);
    }

    private Report run(String startedAt) {
        Machine machine = Machine.describe(root.resolve("bench/node"));
        if (machine.loadAverageAtStart() > 0.5 * machine.cores()) {
            note("the machine was busy when the run started (load average " + machine.loadAverageAtStart()
                    + " on " + machine.cores() + " cores): compare ratios within this run, not absolute figures");
        }
        Report.Transport transport = only.contains("transport") ? phase("transport", this::transport) : null;
        List<ConnectionsRun> connections = new ArrayList<>();
        if (only.contains("connections")) {
            action("connections (node)", () -> idleConnections(NODE, connections));
            action("connections (ours, engine only)", () -> idleConnections(OURS, connections));
        }
        AppRun app = only.contains("app") ? phase("application", () -> application(connections)) : null;
        return new Report(startedAt, quick ? "quick" : "full", machine, settings(), transport, connections, app,
                List.copyOf(notes), Machine.loadAverage());
    }

    private Report.Settings settings() {
        return new Report.Settings(sizes.transportClients(), sizes.transportReps(), sizes.warmup(), sizes.window(),
                sizes.connections(), sizes.appUsers(), sizes.appDensity(), sizes.appWindow(), P99_TARGET_MS,
                String.join(" ", oursTransportCommand(0)), String.join(" ", oursAppCommand(0, 0)),
                String.join(" ", nodeCommand(0, false)));
    }

    // ---- servers

    private List<String> nodeCommand(int port, boolean idle) {
        List<String> command = new ArrayList<>(List.of("node", "--expose-gc", "bench/node/server.js", "--port",
                Integer.toString(port)));
        if (!idle) {
            command.addAll(List.of("--connect-timeout", "1000"));
        }
        return command;
    }

    private List<String> engineIdleCommand(int port) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), EngineIdleServer.class.getName(), "--port", Integer.toString(port));
    }

    private List<String> oursTransportCommand(int port) {
        // no write gap (that is for the protocol suite's client) and the usual heartbeat, as Node's baseline
        return List.of("scripts/conformance-server", "--port", Integer.toString(port), "--write-gap-ms", "0",
                "--ping-interval-ms", "25000", "--ping-timeout-ms", "20000");
    }

    private List<String> oursAppCommand(int port, int dbPort) {
        return List.of("scripts/server", "--port", Integer.toString(port), "--db-memory", "--db-port",
                Integer.toString(dbPort));
    }

    /**
     * Starts a server without the application: for the transport workload ours is
     * scripts/conformance-server without its write gap, and both keep the usual 25 s / 20 s heartbeat so a
     * saturated client is not dropped for a late pong; for idle connections too (ours: the engine alone, {@link EngineIdleServer}).
     * Returns null when our server is not there yet.
     */
    private ServerProcess startTransportServer(String server, boolean idle, String logName) throws IOException {
        int port = freePort();
        if (server.equals(NODE)) {
            return ServerProcess.start("node socket.io baseline", ServerProcess.Runtime.NODE, nodeCommand(port, idle),
                    root, logs.resolve(logName), port, Duration.ofSeconds(30), Map.of());
        }
        if (idle) {
            return ServerProcess.start("engine (no app)", ServerProcess.Runtime.JVM, engineIdleCommand(port), root,
                    logs.resolve(logName), port, Duration.ofSeconds(60), jvmEnv(logName));
        }
        if (!Files.isExecutable(root.resolve("scripts/conformance-server"))) {
            note("scripts/conformance-server is not there yet: our transport figures are missing");
            return null;
        }
        return ServerProcess.start("scripts/conformance-server", ServerProcess.Runtime.JVM, oursTransportCommand(port),
                root, logs.resolve(logName), port, Duration.ofSeconds(180), jvmEnv(logName));
    }

    /** With --profile, our JVMs record a JFR profile next to their log (written when they stop). */
    private Map<String, String> jvmEnv(String logName) {
        if (!profile) {
            return Map.of();
        }
        Path jfr = logs.resolve(logName.replace(".log", ".jfr"));
        return Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename=" + jfr);
    }

    // ---- workload 1

    private Report.Transport transport() throws Exception {
        List<TransportRun> runs = new ArrayList<>();
        for (int rep = 1; rep <= sizes.transportReps(); rep++) {
            // alternate who goes first, so neither always runs on the warmer (or more crowded) machine
            List<String> order = rep % 2 == 1 ? List.of(OURS, NODE) : List.of(NODE, OURS);
            for (String server : order) {
                try (ServerProcess s = startTransportServer(server, false, "transport-" + server + "-" + rep + ".log")) {
                    if (s == null) {
                        continue;
                    }
                    TransportRun r = LoadProcess.run(TransportRun.class, List.of("transport",
                                    "--server-name", server, "--port", Integer.toString(s.port()),
                                    "--server-pid", Long.toString(s.pid()),
                                    "--clients", Integer.toString(sizes.transportClients()),
                                    "--warmup", Double.toString(sizes.warmup()),
                                    "--window", Double.toString(sizes.window())),
                            logs.resolve("load-transport-" + server + "-" + rep + ".log"), Duration.ofSeconds(120),
                            ready -> { });
                    System.err.printf("transport %s #%d: %.0f acks/s, p99 %.2f ms, %.1f us/ack, client CPU %.0f %%%n",
                            server, rep, r.acksPerSecond(), r.latency().p99Ms(), r.serverCpuMicrosPerAck(),
                            r.clientCpuPercent());
                    if (r.disconnects() > 0) {
                        note("transport " + server + " run " + rep + ": the server closed " + r.disconnects()
                                + " accepted connections during the run");
                    }
                    if (r.connectFailures() > 0) {
                        note("transport " + server + " run " + rep + ": " + r.connectFailures() + " of "
                                + sizes.transportClients() + " clients could not connect; measured with " + r.clients());
                    }
                    runs.add(r);
                }
            }
        }
        return new Report.Transport(runs, medians(runs));
    }

    private static List<TransportSummary> medians(List<TransportRun> runs) {
        return runs.stream().map(TransportRun::server).distinct().map(s -> TransportSummary.of(s, runs)).toList();
    }

    // ---- workload 3

    /** Idle connections against a transport-level server; adds nothing when the server is not there yet. */
    private void idleConnections(String server, List<ConnectionsRun> into) throws Exception {
        try (ServerProcess s = startTransportServer(server, true, "connections-" + server + ".log")) {
            if (s != null) {
                into.add(idleConnections(s, server.equals(NODE) ? "node (socket.io, no app)" : "ours (engine, no app)",
                        null, null));
            }
        }
    }

    private ConnectionsRun idleConnections(ServerProcess s, String label, Path plan, String secret) throws Exception {
        int count = sizes.connections();
        ServerProcess.Memory before = s.memoryAfterGc();
        AtomicReference<ServerProcess.Memory> after = new AtomicReference<>();
        List<String> args = new ArrayList<>(List.of("connections", "--port", Integer.toString(s.port()),
                "--count", Integer.toString(count), "--in-flight", Integer.toString(sizes.connectionsInFlight()),
                "--source-addresses", count > 5_000 ? "4" : "1", "--ramp-timeout", "600", "--hold-max", "180"));
        if (plan != null) {
            args.addAll(List.of("--plan", plan.toString(), "--secret", secret));
        }
        ConnectionsRamp ramp = LoadProcess.run(ConnectionsRamp.class, args,
                logs.resolve("load-connections-" + label.replaceAll("\\W+", "-") + ".log"), Duration.ofSeconds(900),
                ready -> {
                    try {
                        Thread.sleep(2000); // let the last handshakes' garbage and buffers settle
                        after.set(s.memoryAfterGc());
                    } catch (Exception e) {
                        throw new IllegalStateException("could not read the memory of " + s.name() + ": " + e, e);
                    }
                });
        if (after.get() == null) {
            throw new IllegalStateException("the connections load never reported READY");
        }
        if (ramp.failed() > 0) {
            note(label + ": " + ramp.failed() + " of " + count + " connections failed, e.g. " + ramp.failureSamples());
        }
        System.err.printf("connections %s: %d in %.1f s%n", label, ramp.connected(), ramp.seconds());
        return ConnectionsRun.of(label, plan != null, ramp, before.rssBytes(), after.get().rssBytes(),
                before.heapUsedBytes(), after.get().heapUsedBytes());
    }

    // ---- workload 2 (and workload 3 against the application)

    private AppRun application(List<ConnectionsRun> connections) throws Exception {
        if (!Files.isExecutable(root.resolve("scripts/server"))) {
            note("scripts/server is not there yet: the application figures are missing");
            return null;
        }
        int port = freePort();
        int dbPort = freePort();
        try (ServerProcess s = ServerProcess.start("scripts/server", ServerProcess.Runtime.JVM, oursAppCommand(port, dbPort),
                root, logs.resolve("app-server.log"), port, Duration.ofSeconds(180), jvmEnv("app-server.log"))) {
            FixtureSpec.Generated spec = AppFixture.spec(sizes.appUsers(), sizes.appDensity());
            SeedReport seeded = AppFixture.seed(spec, "mongodb://127.0.0.1:" + dbPort + "/switchboard");
            System.err.println("app: seeded " + spec.describe() + " in " + seeded.duration().toMillis() + " ms");
            AppPlan plan = AppFixture.plan(spec);
            Path planFile = logs.resolve("app-plan.json");
            Json.MAPPER.writeValue(planFile.toFile(), plan);
            String secret = dev.switchboard.protocol.jwt.Jwt.EXAMPLE_SECRET;
            connections.add(idleConnections(s, "ours (application, authenticated)", planFile, secret));
            Thread.sleep(3000); // the server handles the disconnects of the idle ramp
            List<String> args = new ArrayList<>(List.of("app", "--port", Integer.toString(port),
                    "--server-pid", Long.toString(s.pid()), "--plan", planFile.toString(), "--secret", secret,
                    "--start-rate", Integer.toString((int) sizes.appStartRate()),
                    "--max-rate", Integer.toString((int) sizes.appMaxRate()),
                    "--refine", Integer.toString(sizes.appRefine()),
                    "--warmup", Double.toString(sizes.appWarmup()), "--window", Double.toString(sizes.appWindow()),
                    "--p99-target-ms", Integer.toString((int) P99_TARGET_MS)));
            if (sizes.appConfirm()) {
                args.add("--confirm");
            }
            AppRun run = LoadProcess.run(AppRun.class, args, logs.resolve("load-app.log"), Duration.ofSeconds(900),
                    ready -> { });
            if (run.best() == null) {
                note("application: even the lowest offered rate (" + sizes.appStartRate()
                        + "/s) missed the p99 target; see steps");
            }
            return run;
        }
    }

    // ---- plumbing

    private interface Phase<T> {
        T run() throws Exception;
    }

    private interface VoidPhase {
        void run() throws Exception;
    }

    private <T> T phase(String name, Phase<T> body) {
        System.err.println("== " + name);
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

    private void note(String note) {
        System.err.println("note: " + note);
        notes.add(note);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }
}
