package dev.switchboard.console.server;

import dev.switchboard.console.settings.Settings;
import dev.switchboard.scenario.cli.ServerProbe;
import dev.switchboard.console.settings.SettingsStore;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * Uses the server at the configured URL when one answers there; otherwise starts the bundled server in
 * this process on that port, on the embedded database file under {@code ~/.switchboard/data}, whose
 * database listens on {@link #STANDARD_DB_PORT} (where {@code scripts/seed} looks) when that port is free.
 */
public final class BundledServerLauncher implements ServerLauncher {

    /** The embedded database's port the README and {@code scripts/seed} name. */
    public static final int STANDARD_DB_PORT = ServerConfig.DEFAULT_DB_PORT;
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);

    private final boolean probeFirst;
    private final int preferredDbPort;
    private final BiFunction<Settings, Integer, ServerConfig> bundledConfig;
    /** Every server started and not yet retired; the newest is the one in use. */
    private final List<SwitchboardServer> started = new CopyOnWriteArrayList<>();

    /**
     * @param probeFirst      use a server that already answers at the URL rather than start one
     * @param preferredDbPort the embedded database's port when free (else any free port); 0 for any
     * @param bundledConfig   the bundled server's configuration for these settings and database port
     */
    public BundledServerLauncher(boolean probeFirst, int preferredDbPort,
                                 BiFunction<Settings, Integer, ServerConfig> bundledConfig) {
        this.probeFirst = probeFirst;
        this.preferredDbPort = preferredDbPort;
        this.bundledConfig = bundledConfig;
    }

    /** What {@code scripts/console} does: probe, then start on the URL's port with the file database. */
    public static BundledServerLauncher standard() {
        Path file = SettingsStore.consoleHome().resolve("data").resolve("switchboard.mv");
        return new BundledServerLauncher(true, STANDARD_DB_PORT, (s, dbPort) -> fileConfig(s, dbPort, file));
    }

    /** Tests: never probes; a fresh server on any free port with a throwaway in-memory database. */
    public static BundledServerLauncher ephemeral() {
        return new BundledServerLauncher(false, 0, (s, dbPort) -> ServerConfig.ephemeral().build());
    }

    /** The bundled server on the URL's port, its database in that file on {@code dbPort} (0: any free port). */
    static ServerConfig fileConfig(Settings s, int dbPort, Path file) {
        return ServerConfig.builder()
                .host("127.0.0.1")
                .port(s.serverPort())
                .dbPort(dbPort)
                .dbFile(file)
                .mongoUri(s.mongoUri())
                .jwtSecret(s.jwtSecret())
                .nodeName("console-bundled")
                .build();
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Finds or starts the server of these settings. A server started before keeps running (until
     * {@link #retireAllBut}) unless the new one needs its port.
     */
    @Override
    public ServerSession start(Settings settings) {
        SwitchboardServer samePort = ownOnPort(settings);
        if (probeFirst && samePort == null && ServerProbe.answers(settings.serverUrl(), PROBE_TIMEOUT)) {
            String db = settings.mongoUri().isBlank()
                    ? "unknown: set the server's MongoDB URI in Settings to browse its data"
                    : "external MongoDB " + settings.mongoUri();
            return new ServerSession(settings.serverUrl(), false, db, settings.mongoUri(), null,
                    "using the server that answers at " + settings.serverUrl());
        }
        if (!settings.serverIsLocal()) {
            throw new IllegalStateException("nothing answers at " + settings.serverUrl() + ", and the bundled server"
                    + " can only start on this machine: start that server, or set a local URL such as "
                    + Settings.DEFAULT_SERVER_URL);
        }
        ServerConfig config = bundledConfig.apply(settings,
                preferredDbPort > 0 && isFree(preferredDbPort) ? preferredDbPort : 0);
        if (samePort != null) {
            // the new settings need the port of the server running: it goes first, and comes back if they fail
            samePort.close();
            started.remove(samePort);
            try {
                return session(startServer(config));
            } catch (RuntimeException e) {
                startServer(samePort.config());
                throw e;
            }
        }
        return session(startServer(config));
    }

    private SwitchboardServer ownOnPort(Settings settings) {
        if (!settings.serverIsLocal()) {
            return null;
        }
        return started.stream().filter(s -> s.port() == settings.serverPort()).findFirst().orElse(null);
    }

    private SwitchboardServer startServer(ServerConfig config) {
        SwitchboardServer s = SwitchboardServer.start(config);
        started.add(s);
        return s;
    }

    private ServerSession session(SwitchboardServer s) {
        String note = probeFirst ? "nothing answered at the server URL: started the bundled server"
                : "started the bundled server on a free port";
        if (s.embeddedDatabase() && preferredDbPort > 0 && MongoUris.port(s.mongoUri()) != preferredDbPort) {
            note += "; database port " + preferredDbPort + " was taken, so scripts/seed needs --mongo-uri "
                    + s.mongoUri();
        }
        return new ServerSession(s.socketIoUrl(), true, s.databaseDescription(), s.mongoUri(), s.config().jwtSecret(),
                note);
    }

    /** Stops every server started here except the one of {@code keep} (all of them when it is external). */
    @Override
    public void retireAllBut(ServerSession keep) {
        for (SwitchboardServer s : started) {
            if (keep == null || !keep.bundled() || !s.socketIoUrl().equals(keep.url())) {
                started.remove(s);
                s.close();
            }
        }
    }

    /** The bundled server in use, when one was started. */
    public SwitchboardServer server() {
        return started.isEmpty() ? null : started.get(started.size() - 1);
    }

    @Override
    public void close() {
        retireAllBut(null);
    }
}
