package dev.switchboard.scenario.cli;

import com.mongodb.ConnectionString;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.scenario.run.RunTarget;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.db.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Finds the server to run against, like the console does: the one answering at the URL, or else the
 * bundled server started in this process on that port. Also opens the server's database when it can
 * (the bundled server's own, {@code --mongo-uri}, or the default embedded one on 127.0.0.1:27018).
 */
final class ServerSetup implements AutoCloseable {

    static final String DEFAULT_DB_URI = "mongodb://127.0.0.1:27018/switchboard";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(4);
    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "[::1]", "0.0.0.0");

    private final RunTarget target;
    private final SwitchboardServer bundled;
    private final Database database;
    private final String description;

    private ServerSetup(RunTarget target, SwitchboardServer bundled, Database database, String description) {
        this.target = target;
        this.bundled = bundled;
        this.database = database;
        this.description = description;
    }

    static ServerSetup open(ServerOptions o) {
        String secret = o.jwtSecret == null || o.jwtSecret.isBlank() ? Jwt.EXAMPLE_SECRET : o.jwtSecret;
        Jwt jwt = new Jwt(secret);
        if (ServerProbe.answers(o.server, PROBE_TIMEOUT)) {
            String uri = o.mongoUri != null && !o.mongoUri.isBlank() ? o.mongoUri
                    : answers(DEFAULT_DB_URI) ? DEFAULT_DB_URI : null;
            Database db = uri == null ? null : Database.connect(uri);
            String dbText = db == null ? "no database (fixtures and pick need --mongo-uri)" : "database " + redact(uri);
            return new ServerSetup(new RunTarget(o.server, jwt, db == null ? null : db.mongo()), null, db,
                    "server " + o.server + ", " + dbText);
        }
        URI url = URI.create(o.server);
        if (!LOCAL_HOSTS.contains(url.getHost())) {
            throw new IllegalStateException("nothing answers at " + o.server + ", and the bundled server can only"
                    + " start on this machine: start that server, or pass --server http://127.0.0.1:3000");
        }
        ServerConfig.Builder config = ServerConfig.builder().host("127.0.0.1").port(url.getPort() < 0 ? 80 : url.getPort())
                .dbPort(0).jwtSecret(secret).mongoUri(o.mongoUri).nodeName("scenario-bundled");
        if (o.dbMemory) {
            config.dbMemory(true);
        } else if (o.dbFile != null) {
            config.dbFile(o.dbFile);
        }
        SwitchboardServer server;
        try {
            server = SwitchboardServer.start(config.build());
        } catch (RuntimeException e) {
            throw new IllegalStateException("nothing answered at " + o.server + " as a Socket.IO server, and the"
                    + " bundled server could not start there (" + e.getMessage() + "); pass --server with a free"
                    + " port or a running server's URL", e);
        }
        return new ServerSetup(new RunTarget(server.socketIoUrl(), jwt, server.database().mongo()), server, null,
                "nothing answered at " + o.server + ": started the bundled server at " + server.socketIoUrl() + " ("
                        + server.databaseDescription() + ")");
    }

    RunTarget target() {
        return target;
    }

    String description() {
        return description;
    }

    private static boolean answers(String mongoUri) {
        String host = new ConnectionString(mongoUri).getHosts().get(0);
        int colon = host.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1))),
                    500);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String redact(String uri) {
        return uri.replaceFirst("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
        if (bundled != null) {
            bundled.close();
        }
    }
}
