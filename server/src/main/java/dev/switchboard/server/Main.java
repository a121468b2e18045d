package dev.switchboard.server;

import dev.switchboard.server.config.ServerCommand;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.warmup.WarmUp;

/** {@code scripts/server}: starts the server in the foreground until Ctrl-C. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        ServerCommand.Parsed parsed;
        try {
            parsed = ServerCommand.parse(args, System.getenv());
        } catch (ServerCommand.UsageException e) {
            System.err.println("switchboard: " + e.getMessage());
            System.err.println();
            System.err.print(ServerCommand.usage());
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.print(ServerCommand.usage());
            return;
        }
        ServerConfig config = parsed.config();
        if (parsed.warmUp()) {
            warmUp(config);
        }
        SwitchboardServer server;
        try {
            server = SwitchboardServer.start(config);
        } catch (Exception e) {
            System.err.println("switchboard: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("switchboard: shutting down");
            server.close();
            System.out.println("switchboard: stopped");
        }, "shutdown"));
        System.out.println("switchboard: Socket.IO at " + server.socketIoUrl());
        System.out.println("switchboard: MongoDB at " + server.mongoUri() + " (" + server.databaseDescription() + ")");
        if (config.exampleSecret() && config.mongoUri() == null) {
            System.out.println("switchboard: JWTs are checked with the published example secret, the default on the"
                    + " embedded database; pass --jwt-secret for your own");
        } else if (config.exampleSecret()) {
            System.out.println("switchboard: WARNING: the JWT secret is the published example secret: anyone can sign"
                    + " tokens for this server; pass --jwt-secret with a secret of your own");
        }
        System.out.println("switchboard: ready; Ctrl-C stops");
    }

    /** Best effort: a warm-up that fails leaves the server cold, not unstarted. */
    private static void warmUp(ServerConfig config) {
        WarmUp warmUp = WarmUp.DEFAULT;
        System.out.println("switchboard: warming up: a throwaway server takes " + warmUp.users() * warmUp.rounds()
                + " connects before this one starts");
        try {
            WarmUp.Outcome outcome = warmUp.run(config);
            System.out.printf("switchboard: warmed up: %d connects (%d failed) in %.1f s%n", outcome.connects(),
                    outcome.failed(), outcome.took().toMillis() / 1000.0);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.out.println("switchboard: the warm-up failed, starting cold: " + e);
        }
    }
}
