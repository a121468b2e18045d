package dev.switchboard.scenario.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where to run: the options {@code run} and {@code load} share. */
public final class ServerOptions {

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:SWITCHBOARD_URL:-http://127.0.0.1:3000}",
            description = "the server's Socket.IO URL (default ${DEFAULT-VALUE}); when nothing answers there, the"
                    + " bundled server is started on that port")
    String server;

    @Option(names = "--jwt-secret", paramLabel = "S", defaultValue = "${env:JWT_SECRET_TOKEN}",
            description = "the secret tokens are signed with (default: $JWT_SECRET_TOKEN, else the example secret"
                    + " of docs/protocol.md)")
    String jwtSecret;

    @Option(names = "--mongo-uri", paramLabel = "URI", defaultValue = "${env:MONGODB_URI}",
            description = "the server's database, for fixtures and pick (default: $MONGODB_URI, else the bundled"
                    + " server's mongodb://127.0.0.1:27018 when it answers)")
    String mongoUri;

    @Option(names = "--db-memory", description = "a bundled server started by this command uses a throwaway"
            + " in-memory database")
    boolean dbMemory;

    @Option(names = "--db-file", paramLabel = "PATH", description = "the bundled server's database file"
            + " (default data/switchboard.mv)")
    Path dbFile;
}
