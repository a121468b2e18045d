package dev.switchboard.server.config;

import dev.switchboard.server.config.ServerConfig.Limits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** The server's command line: its flags, and the environment variables that stand in for them, as a {@link ServerConfig}. */
@Command(name = "scripts/server", sortOptions = false, usageHelpWidth = 100,
        description = "Starts the Switchboard server in the foreground; Ctrl-C stops it cleanly.",
        footer = {"", "A flag wins over its environment variable."})
public final class ServerCommand {

    @Option(names = "--port", paramLabel = "N", converter = Port.class,
            description = "Socket.IO port (env PORT, default 3000)")
    private Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", converter = NonBlank.class,
            description = "address to listen on (default 0.0.0.0)")
    private String host;

    @Option(names = "--db-port", paramLabel = "N", converter = Port.class,
            description = "port of the embedded database (default 27018)")
    private Integer dbPort;

    @Option(names = "--db-file", paramLabel = "PATH", converter = NonBlank.class,
            description = "file of the embedded database (default data/switchboard.mv)")
    private String dbFile;

    @Option(names = "--db-memory", description = "a throwaway in-memory embedded database")
    private boolean dbMemory;

    @Option(names = "--mongo-uri", paramLabel = "URI", converter = NonBlank.class,
            description = "use this MongoDB instead of the embedded one (env MONGODB_URI)")
    private String mongoUri;

    @Option(names = "--jwt-secret", paramLabel = "S", converter = NonBlank.class,
            description = "HS256 secret of the handshake tokens, at least 256 bits (env JWT_SECRET_TOKEN); the "
                    + "example secret is the default only on the embedded database")
    private String jwtSecret;

    @Option(names = "--redis-uri", paramLabel = "URI", converter = NonBlank.class,
            description = "run as one of several nodes sharing pushes and presence through this Redis, e.g. "
                    + "redis://127.0.0.1:6379 (env REDIS_URI)")
    private String redisUri;

    @Option(names = "--smtp-uri", paramLabel = "URI", converter = NonBlank.class,
            description = "SMTP server for account mails, smtp://user:pass@host:587?from=a@b or smtps://... (env "
                    + "SMTP_URI); none: mails go to the outbox collection")
    private String smtpUri;

    @Option(names = "--node-name", paramLabel = "NAME", converter = NonBlank.class,
            description = "this node's name in socket lists (env NODE_NAME, default node-1)")
    private String nodeName;

    @Option(names = "--cors-origins", paramLabel = "LIST", converter = NonBlank.class,
            description = "browser origins allowed to connect, comma-separated, * for any, none for none (env "
                    + "CORS_ORIGINS; default * on the embedded database, none on an external one)")
    private String corsOrigins;

    @Option(names = "--max-image-bytes", paramLabel = "N", converter = Count.class,
            description = "largest story or message image, decoded (default 1048576)")
    private Integer maxImageBytes;

    @Option(names = "--max-payload", paramLabel = "N", converter = Count.class,
            description = "largest packet the engine accepts (default 2097152); must carry the largest image in "
                    + "base64 (4/3 of it) plus 1 KB")
    private Integer maxPayload;

    @Option(names = "--events-per-second", paramLabel = "N", converter = Count.class,
            description = "events a socket may send per second, steady (default 50)")
    private Integer eventsPerSecond;

    @Option(names = "--event-burst", paramLabel = "N", converter = Count.class,
            description = "events a socket may send at once (default 100)")
    private Integer eventBurst;

    @Option(names = "--sockets-per-user", paramLabel = "N", converter = Count.class,
            description = "connected sockets one user may have (default 10)")
    private Integer socketsPerUser;

    @Option(names = "--max-connections-per-address", paramLabel = "N", converter = CountOrNone.class,
            description = "open connections from one client address (default 1000; 0 for no cap)")
    private Integer connectionsPerAddress;

    @Option(names = "--queue-budget-ms", paramLabel = "N", converter = Count.class,
            description = "longest an event may keep waiting for a worker; while events wait longer they are "
                    + "answered unavailable with retry_after_ms instead of run, and new ones that would wait over half "
                    + "of it are answered so as they arrive (default 100)")
    private Integer queueBudgetMillis;

    @Option(names = "--warm-up", description = "before opening the port, let a throwaway copy of the server, on a "
            + "throwaway database, take 2,500 connects, so that the first crowd after a start connects about 1.7 times "
            + "as fast as after a plain start (costs about 10 s of start-up)")
    private boolean warmUp;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    private boolean help;

    /** What the command line asked for: a config to run (warmed up first or not), or the help text. */
    public record Parsed(ServerConfig config, boolean help, boolean warmUp) {
    }

    /** A command line that cannot run; the message says why, for a person to fix. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private ServerCommand() {
    }

    public static Parsed parse(String[] args, Map<String, String> env) throws UsageException {
        ServerCommand command = new ServerCommand();
        CommandLine line = new CommandLine(command);
        try {
            line.parseArgs(args);
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage());
        }
        if (line.isUsageHelpRequested()) {
            return new Parsed(null, true, false);
        }
        try {
            return new Parsed(command.config(env), false, command.warmUp);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The help text. */
    public static String usage() {
        return new CommandLine(new ServerCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private ServerConfig config(Map<String, String> env) {
        ServerConfig.Builder b = ServerConfig.builder();
        Integer thePort = either(port, env, "PORT", new Port());
        if (thePort != null) {
            b.port(thePort);
        }
        if (host != null) {
            b.host(host);
        }
        if (dbPort != null) {
            b.dbPort(dbPort);
        }
        if (dbFile != null) {
            b.dbFile(Path.of(dbFile));
        }
        b.dbMemory(dbMemory);
        b.mongoUri(either(mongoUri, env, "MONGODB_URI", v -> v));
        b.jwtSecret(either(jwtSecret, env, "JWT_SECRET_TOKEN", v -> v));
        b.redisUri(either(redisUri, env, "REDIS_URI", v -> v));
        b.smtpUri(either(smtpUri, env, "SMTP_URI", v -> v));
        String theNodeName = either(nodeName, env, "NODE_NAME", String::trim);
        if (theNodeName != null) {
            b.nodeName(theNodeName);
        }
        String origins = either(corsOrigins, env, "CORS_ORIGINS", v -> v);
        if (origins != null) {
            b.corsOrigins(origins(origins));
        }
        if (maxImageBytes != null) {
            b.maxImageBytes(maxImageBytes);
        }
        if (maxPayload != null) {
            b.maxPayload(maxPayload);
        }
        Limits d = Limits.DEFAULT;
        b.limits(new Limits(eventsPerSecond != null ? eventsPerSecond : d.eventsPerSecond(),
                eventBurst != null ? eventBurst : d.eventBurst(),
                socketsPerUser != null ? socketsPerUser : d.socketsPerUser(),
                connectionsPerAddress != null ? connectionsPerAddress : d.connectionsPerAddress()));
        if (queueBudgetMillis != null) {
            b.queueBudget(java.time.Duration.ofMillis(queueBudgetMillis));
        }
        return b.build();
    }

    /** The flag's value, else the environment variable's (blank counts as unset), converted like the flag. */
    private static <T> T either(T flag, Map<String, String> env, String variable, ITypeConverter<T> converter) {
        if (flag != null) {
            return flag;
        }
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return converter.convert(value);
        } catch (Exception e) {
            throw new IllegalArgumentException("environment variable " + variable + ": " + e.getMessage(), e);
        }
    }

    /** {@code *}, {@code none}, or a comma-separated list of origins such as {@code https://app.example.com}. */
    static List<String> origins(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
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

    /** A port number, 0-65535. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, 0, 65535, "a port number 0-65535");
        }
    }

    /** A whole number from 1. */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, 1, Integer.MAX_VALUE, "a whole number from 1");
        }
    }

    static final class CountOrNone implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return whole(value, 0, Integer.MAX_VALUE, "0 (none) or a whole number");
        }
    }

    static final class NonBlank implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("needs a non-empty value");
            }
            return value;
        }
    }

    private static int whole(String value, int min, int max, String what) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, with the value as given
        }
        throw new TypeConversionException("must be " + what + ", not \"" + value + "\"");
    }
}
