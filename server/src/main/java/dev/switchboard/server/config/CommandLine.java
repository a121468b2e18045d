package dev.switchboard.server.config;

import java.nio.file.Path;
import java.util.Map;

/** Reads the server's flags (and the environment variables that stand in for them) into a {@link ServerConfig}. */
public final class CommandLine {

    public static final String USAGE = """
            Usage: scripts/server [options]

              --port N            Socket.IO port (env PORT, default 3000)
              --host ADDRESS      address to listen on (default 0.0.0.0)
              --db-port N         port of the embedded database (default 27018)
              --db-file PATH      file of the embedded database (default data/switchboard.mv)
              --db-memory         a throwaway in-memory embedded database
              --mongo-uri URI     use this MongoDB instead of the embedded one (env MONGODB_URI)
              --jwt-secret S      HS256 secret of the handshake tokens (env JWT_SECRET_TOKEN); the
                                  example secret is the default only on the embedded database
              --redis-uri URI     run as one of several nodes sharing pushes and presence through
                                  this Redis, e.g. redis://127.0.0.1:6379 (env REDIS_URI)
              --node-name NAME    this node's name in socket lists (env NODE_NAME, default node-1)
              --help              this text
            """;

    /** What the command line asked for: a config to run, or the help text. */
    public record Parsed(ServerConfig config, boolean help) {
    }

    /** A command line that cannot run; the message says why, for a person to fix. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private CommandLine() {
    }

    public static Parsed parse(String[] args, Map<String, String> env) throws UsageException {
        ServerConfig.Builder b = ServerConfig.builder();
        try {
            if (present(env.get("PORT"))) {
                b.port(number("PORT", env.get("PORT")));
            }
            b.mongoUri(env.get("MONGODB_URI"));
            b.jwtSecret(env.get("JWT_SECRET_TOKEN"));
            b.redisUri(env.get("REDIS_URI"));
            if (present(env.get("NODE_NAME"))) {
                b.nodeName(env.get("NODE_NAME").trim());
            }
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                String inlineValue = null;
                int eq = flag.indexOf('=');
                if (flag.startsWith("--") && eq > 0) {
                    inlineValue = flag.substring(eq + 1);
                    flag = flag.substring(0, eq);
                }
                switch (flag) {
                    case "--help", "-h" -> {
                        return new Parsed(null, true);
                    }
                    case "--db-memory" -> {
                        if (inlineValue != null) {
                            throw new UsageException("--db-memory takes no value");
                        }
                        b.dbMemory(true);
                    }
                    case "--port", "--host", "--db-port", "--db-file", "--mongo-uri", "--jwt-secret", "--redis-uri",
                         "--node-name" -> {
                        String value = inlineValue;
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new UsageException(flag + " needs a value");
                            }
                            value = args[++i];
                        }
                        apply(b, flag, value);
                    }
                    default -> throw new UsageException("unknown option " + args[i]);
                }
            }
            return new Parsed(b.build(), false);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void apply(ServerConfig.Builder b, String flag, String value) throws UsageException {
        switch (flag) {
            case "--port" -> b.port(number(flag, value));
            case "--host" -> b.host(nonBlank(flag, value));
            case "--db-port" -> b.dbPort(number(flag, value));
            case "--db-file" -> b.dbFile(Path.of(nonBlank(flag, value)));
            case "--mongo-uri" -> b.mongoUri(nonBlank(flag, value));
            case "--jwt-secret" -> b.jwtSecret(nonBlank(flag, value));
            case "--redis-uri" -> b.redisUri(nonBlank(flag, value));
            case "--node-name" -> b.nodeName(nonBlank(flag, value));
            default -> throw new IllegalStateException(flag);
        }
    }

    private static boolean present(String v) {
        return v != null && !v.isBlank();
    }

    private static String nonBlank(String flag, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(flag + " needs a non-empty value");
        }
        return value;
    }

    private static int number(String flag, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0 || n > 65535) {
                throw new UsageException(flag + " must be a port number 0-65535, not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a port number, not \"" + value + "\"");
        }
    }
}
