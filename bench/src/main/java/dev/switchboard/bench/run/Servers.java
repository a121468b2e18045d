package dev.switchboard.bench.run;

import dev.switchboard.bench.EngineIdleServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * The servers under test and how each is started: Node's socket.io baseline, our conformance server
 * and engine alone (no app), and the application on the in-memory or the file database. With
 * {@code profile}, our JVMs record a JFR profile next to their log (written when they stop).
 */
public final class Servers {

    /** The application's database: {@code memory} ({@code --db-memory}) or {@code file} (a fresh file). */
    public enum Database { memory, file }

    private final Path root;
    private final Path logs;
    private final boolean profile;

    public Servers(Path root, Path logs, boolean profile) {
        this.root = root;
        this.logs = logs;
        this.profile = profile;
    }

    public Path logs() {
        return logs;
    }

    public static List<String> nodeCommand(int port, boolean idle) {
        List<String> command = new ArrayList<>(List.of("node", "--expose-gc", "bench/node/server.js", "--port",
                Integer.toString(port)));
        if (!idle) {
            command.addAll(List.of("--connect-timeout", "1000"));
        }
        return command;
    }

    /** No write gap (that is for the protocol suite's client) and the usual heartbeat, as Node's baseline. */
    public static List<String> conformanceCommand(int port) {
        return List.of("scripts/conformance-server", "--port", Integer.toString(port), "--write-gap-ms", "0",
                "--ping-interval-ms", "25000", "--ping-timeout-ms", "20000");
    }

    public static List<String> appCommand(int port, int dbPort, Database database, Path dbFile) {
        // the load comes from a few loopback addresses only: lift the cap on connections per address
        List<String> command = new ArrayList<>(List.of("scripts/server", "--port", Integer.toString(port),
                "--db-port", Integer.toString(dbPort), "--max-connections-per-address", "0"));
        if (database == Database.memory) {
            command.add("--db-memory");
        } else {
            command.addAll(List.of("--db-file", dbFile.toString()));
        }
        return command;
    }

    /** Node's socket.io; {@code idle}: its default connect timeout, for connections held open. */
    public ServerProcess node(boolean idle, String logName) throws IOException {
        int port = freePort();
        return ServerProcess.start("node socket.io baseline", ServerProcess.Runtime.NODE, nodeCommand(port, idle), root,
                logs.resolve(logName), port, Duration.ofSeconds(30), Map.of());
    }

    /** Our engine with no app and its default 25 s pings ({@link EngineIdleServer}), for idle connections. */
    public ServerProcess engineIdle(String logName) throws IOException {
        int port = freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), EngineIdleServer.class.getName(), "--port", Integer.toString(port));
        return ServerProcess.start("engine (no app)", ServerProcess.Runtime.JVM, command, root, logs.resolve(logName), port,
                Duration.ofSeconds(60), jvmEnv(logName));
    }

    /** scripts/conformance-server, or null when the script is not there. */
    public ServerProcess conformance(String logName) throws IOException {
        if (!Files.isExecutable(root.resolve("scripts/conformance-server"))) {
            return null;
        }
        int port = freePort();
        return ServerProcess.start("scripts/conformance-server", ServerProcess.Runtime.JVM, conformanceCommand(port), root,
                logs.resolve(logName), port, Duration.ofSeconds(180), jvmEnv(logName));
    }

    /** scripts/server on a fresh database of the given kind; its embedded database listens on {@code dbPort}. */
    public ServerProcess app(Database database, int dbPort, String logName) throws IOException {
        return app(database, dbPort, logName, false);
    }

    /** As {@link #app(Database, int, String)}; with {@code warmUp}, started with {@code --warm-up}. */
    public ServerProcess app(Database database, int dbPort, String logName, boolean warmUp) throws IOException {
        int port = freePort();
        Path dbFile = logs.resolve("app-" + database + ".mv");
        Files.deleteIfExists(dbFile);
        Path log = logs.resolve(logName);
        Map<String, String> env = new HashMap<>(jvmEnv(logName));
        String gcLog = GcLog.jvmOption(GcLog.besides(log));
        if (gcLog != null) {
            env.put("JAVA_OPTS", (System.getenv().getOrDefault("JAVA_OPTS", "") + " " + gcLog).strip());
        }
        List<String> command = new ArrayList<>(appCommand(port, dbPort, database, dbFile));
        if (warmUp) {
            command.add("--warm-up");
        }
        return ServerProcess.start("scripts/server (" + database + " database" + (warmUp ? ", --warm-up" : "") + ")",
                ServerProcess.Runtime.JVM, command, root, log, port, Duration.ofSeconds(180), env);
    }

    private Map<String, String> jvmEnv(String logName) {
        if (!profile) {
            return Map.of();
        }
        Path jfr = logs.resolve(logName.replace(".log", ".jfr"));
        String settings = System.getenv().getOrDefault("SWITCHBOARD_JFR_SETTINGS", "profile"); // a .jfc for finer sampling
        return Map.of("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=" + settings + ",filename=" + jfr);
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }
}
