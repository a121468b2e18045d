package dev.switchboard.server.config;

import dev.switchboard.server.config.ServerConfig.Limits;
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
              --cors-origins LIST browser origins allowed to connect, comma-separated, * for any, none
                                  for none (env CORS_ORIGINS; default * on the embedded database,
                                  none on an external one)
              --max-image-bytes N largest story or message image, decoded (default 1048576)
              --max-payload N     largest packet the engine accepts (default 2097152); must carry the
                                  largest image in base64 (4/3 of it) plus 1 KB
              --events-per-second N  events a socket may send per second, steady (default 50)
              --event-burst N     events a socket may send at once (default 100)
              --sockets-per-user N   connected sockets one user may have (default 10)
              --queue-budget-ms N longest an event may wait for a worker; older ones are answered
                                  unavailable with retry_after_ms instead of run (default 100)
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
            if (present(env.get("CORS_ORIGINS"))) {
                b.corsOrigins(origins(env.get("CORS_ORIGINS")));
            }
            Limits limits = Limits.DEFAULT;
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
                         "--node-name", "--cors-origins", "--max-image-bytes", "--max-payload", "--events-per-second",
                         "--event-burst", "--sockets-per-user", "--queue-budget-ms" -> {
                        String value = inlineValue;
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new UsageException(flag + " needs a value");
                            }
                            value = args[++i];
                        }
                        limits = apply(b, limits, flag, value);
                    }
                    default -> throw new UsageException("unknown option " + args[i]);
                }
            }
            return new Parsed(b.limits(limits).build(), false);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Applies one flag; returns the limits, changed when the flag was one of them. */
    private static Limits apply(ServerConfig.Builder b, Limits limits, String flag, String value)
            throws UsageException {
        switch (flag) {
            case "--events-per-second" -> {
                return new Limits(count(flag, value), limits.eventBurst(), limits.socketsPerUser());
            }
            case "--event-burst" -> {
                return new Limits(limits.eventsPerSecond(), count(flag, value), limits.socketsPerUser());
            }
            case "--sockets-per-user" -> {
                return new Limits(limits.eventsPerSecond(), limits.eventBurst(), count(flag, value));
            }
            case "--cors-origins" -> b.corsOrigins(origins(nonBlank(flag, value)));
            case "--max-image-bytes" -> b.maxImageBytes(count(flag, value));
            case "--max-payload" -> b.maxPayload(count(flag, value));
            case "--queue-budget-ms" -> b.queueBudget(java.time.Duration.ofMillis(count(flag, value)));
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
        return limits;
    }

    /** {@code *}, {@code none}, or a comma-separated list of origins such as {@code https://app.example.com}. */
    static java.util.List<String> origins(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("none")) {
            return java.util.List.of();
        }
        java.util.List<String> list = new java.util.ArrayList<>();
        for (String part : v.split(",")) {
            String origin = part.trim();
            if (origin.endsWith("/")) {
                origin = origin.substring(0, origin.length() - 1);
            }
            if (!origin.isEmpty()) {
                list.add(origin);
            }
        }
        return list;
    }

    /** A whole number from 1. */
    private static int count(String flag, String value) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new UsageException(flag + " must be at least 1, not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, not \"" + value + "\"");
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
