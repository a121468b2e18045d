package dev.switchboard.console.server;

import dev.switchboard.console.settings.Settings;
import dev.switchboard.scenario.cli.ServerProbe;
import dev.switchboard.console.settings.SettingsStore;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerConfig;
import java.time.Duration;
import java.util.function.Function;

/**
 * Uses the server at the configured URL when one answers there; otherwise starts the bundled server in
 * this process on that port, on the embedded database file under {@code ~/.switchboard/data}.
 */
public final class BundledServerLauncher implements ServerLauncher {

    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);

    private final boolean probeFirst;
    private final Function<Settings, ServerConfig> bundledConfig;
    private volatile SwitchboardServer server;

    public BundledServerLauncher(boolean probeFirst, Function<Settings, ServerConfig> bundledConfig) {
        this.probeFirst = probeFirst;
        this.bundledConfig = bundledConfig;
    }

    /** What {@code scripts/console} does: probe, then start on the URL's port with the file database. */
    public static BundledServerLauncher standard() {
        return new BundledServerLauncher(true, BundledServerLauncher::defaultConfig);
    }

    /** Tests: always a fresh server on any free port with a throwaway in-memory database. */
    public static BundledServerLauncher ephemeral() {
        return new BundledServerLauncher(false, s -> ServerConfig.ephemeral().build());
    }

    static ServerConfig defaultConfig(Settings s) {
        return ServerConfig.builder()
                .host("127.0.0.1")
                .port(s.serverPort())
                .dbPort(0)
                .dbFile(SettingsStore.consoleHome().resolve("data").resolve("switchboard.mv"))
                .mongoUri(s.mongoUri())
                .jwtSecret(s.jwtSecret())
                .nodeName("console-bundled")
                .build();
    }

    @Override
    public ServerSession start(Settings settings) {
        if (probeFirst && ServerProbe.answers(settings.serverUrl(), PROBE_TIMEOUT)) {
            String db = settings.mongoUri().isBlank()
                    ? "unknown: set the server's MongoDB URI in Settings to browse its data"
                    : "external MongoDB " + settings.mongoUri();
            return new ServerSession(settings.serverUrl(), false, db, settings.mongoUri(), null,
                    "using the server that answers at " + settings.serverUrl());
        }
        if (probeFirst && !settings.serverIsLocal()) {
            throw new IllegalStateException("nothing answers at " + settings.serverUrl() + ", and the bundled server"
                    + " can only start on this machine: start that server, or set a local URL such as "
                    + Settings.DEFAULT_SERVER_URL);
        }
        SwitchboardServer started = SwitchboardServer.start(bundledConfig.apply(settings));
        server = started;
        String note = probeFirst ? "nothing answered at " + settings.serverUrl() + ": started the bundled server"
                : "started the bundled server on a free port";
        return new ServerSession(started.socketIoUrl(), true, started.databaseDescription(), started.mongoUri(),
                started.config().jwtSecret(), note);
    }

    /** The bundled server, when one was started. */
    public SwitchboardServer server() {
        return server;
    }

    @Override
    public void close() {
        SwitchboardServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }
}
