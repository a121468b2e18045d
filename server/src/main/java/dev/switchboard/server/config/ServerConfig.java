package dev.switchboard.server.config;

import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.security.AttemptLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the server can be told. Build it with {@link #builder()}; {@link Builder#build()} resolves
 * the JWT secret (the example secret is the default only on the embedded database) and refuses
 * combinations that cannot run.
 *
 * @param host          the address the Socket.IO server listens on
 * @param port          the Socket.IO port; 0 for any free port
 * @param dbHost        the loopback address of the embedded database
 * @param dbPort        the embedded database's port; 0 for any free port
 * @param dbFile        the embedded database's H2 file (ignored with {@code dbMemory} or {@code mongoUri})
 * @param dbMemory      a throwaway in-memory embedded database
 * @param mongoUri      an external MongoDB; null means the embedded one
 * @param jwtSecret     the HS256 secret of the handshake tokens
 * @param exampleSecret true when {@code jwtSecret} is the published example secret (the embedded default)
 * @param maxImageBytes the largest image accepted, decoded
 * @param maxPayload    the engine's largest packet (a base64 image grows by a third)
 * @param corsOrigins   allowed browser origins; {@code ["*"]} for any, empty for none (default: any on the
 *                      embedded database, none on an external one)
 * @param nodeName      this node's name, as shown to the console
 * @param redisUri      the Redis that joins several nodes into one service; null means this node alone
 * @param limits        per-socket event rate and sockets per user
 * @param smtpUri       the SMTP server account mails go to; null keeps them in the {@code outbox} collection
 * @param accountLimits how often login and password reset may be tried per account and per address
 * @param queueBudget   how long an event may wait for a worker before it is answered {@code unavailable}
 *                      instead of run (load shedding under overload)
 */
public record ServerConfig(
        String host,
        int port,
        String dbHost,
        int dbPort,
        Path dbFile,
        boolean dbMemory,
        String mongoUri,
        String jwtSecret,
        boolean exampleSecret,
        int maxImageBytes,
        int maxPayload,
        List<String> corsOrigins,
        String nodeName,
        String redisUri,
        Limits limits,
        String smtpUri,
        AccountLimits accountLimits,
        java.time.Duration queueBudget) {

    public static final int DEFAULT_PORT = 3000;
    public static final int DEFAULT_DB_PORT = 27018;
    public static final Path DEFAULT_DB_FILE = Path.of("data", "switchboard.mv");
    public static final int DEFAULT_MAX_IMAGE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_PAYLOAD = 2 * 1024 * 1024;
    public static final java.time.Duration DEFAULT_QUEUE_BUDGET = java.time.Duration.ofMillis(100);

    public ServerConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /**
     * What one client may use.
     *
     * @param eventsPerSecond steady rate of events per socket (token bucket refill)
     * @param eventBurst      events a socket may send at once (bucket size)
     * @param socketsPerUser  connected sockets per user, across nodes
     * @param connectionsPerAddress open connections per client address on this node; 0 for no cap
     */
    public record Limits(int eventsPerSecond, int eventBurst, int socketsPerUser, int connectionsPerAddress) {

        public static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 1000;
        public static final Limits DEFAULT = new Limits(50, 100, 10);

        public Limits {
            if (eventsPerSecond < 1 || eventBurst < 1 || socketsPerUser < 1) {
                throw new IllegalArgumentException("the event rate, the burst and the sockets per user must each be"
                        + " at least 1, not " + eventsPerSecond + ", " + eventBurst + ", " + socketsPerUser);
            }
            if (connectionsPerAddress < 0) {
                throw new IllegalArgumentException("the connections per address must be 0 (no cap) or more, not "
                        + connectionsPerAddress);
            }
        }

        /** With the default cap of connections per address. */
        public Limits(int eventsPerSecond, int eventBurst, int socketsPerUser) {
            this(eventsPerSecond, eventBurst, socketsPerUser, DEFAULT_CONNECTIONS_PER_ADDRESS);
        }
    }

    /**
     * Attempts per key: {@code burst} at once, then one per refill period. Login is counted per account
     * (the username or email typed) and per client address; password reset per email and per address.
     */
    public record AccountLimits(AttemptLimit.Rate loginPerAccount, AttemptLimit.Rate loginPerAddress,
                                AttemptLimit.Rate resetPerAccount, AttemptLimit.Rate resetPerAddress) {

        public static final AccountLimits DEFAULT = new AccountLimits(
                new AttemptLimit.Rate(5, Duration.ofMinutes(1)),
                new AttemptLimit.Rate(20, Duration.ofSeconds(3)),
                new AttemptLimit.Rate(3, Duration.ofMinutes(5)),
                new AttemptLimit.Rate(10, Duration.ofMinutes(1)));
    }

    /** True when any browser origin may connect. */
    public boolean anyOrigin() {
        return corsOrigins.contains("*");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A config for tests and tools: any free port, a throwaway in-memory database. */
    public static Builder ephemeral() {
        return builder().port(0).dbPort(0).dbMemory(true).host("127.0.0.1");
    }

    public boolean embeddedDatabase() {
        return mongoUri == null;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.dbHost = dbHost;
        b.dbPort = dbPort;
        b.dbFile = dbFile;
        b.dbMemory = dbMemory;
        b.mongoUri = mongoUri;
        b.jwtSecret = exampleSecret ? null : jwtSecret;
        b.maxImageBytes = maxImageBytes;
        b.maxPayload = maxPayload;
        b.corsOrigins = corsOrigins;
        b.nodeName = nodeName;
        b.redisUri = redisUri;
        b.limits = limits;
        b.smtpUri = smtpUri;
        b.accountLimits = accountLimits;
        return b;
    }

    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = DEFAULT_PORT;
        private String dbHost = "127.0.0.1";
        private int dbPort = DEFAULT_DB_PORT;
        private Path dbFile = DEFAULT_DB_FILE;
        private boolean dbMemory;
        private String mongoUri;
        private String jwtSecret;
        private int maxImageBytes = DEFAULT_MAX_IMAGE_BYTES;
        private int maxPayload = DEFAULT_MAX_PAYLOAD;
        /** Null: any on the embedded database, none on an external one. */
        private List<String> corsOrigins;
        private String nodeName = "node-1";
        private String redisUri;
        private Limits limits = Limits.DEFAULT;
        private String smtpUri;
        private AccountLimits accountLimits = AccountLimits.DEFAULT;
        private java.time.Duration queueBudget = DEFAULT_QUEUE_BUDGET;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder dbHost(String v) { dbHost = v; return this; }
        public Builder dbPort(int v) { dbPort = v; return this; }
        public Builder dbFile(Path v) { dbFile = v; return this; }
        public Builder dbMemory(boolean v) { dbMemory = v; return this; }
        /** Null or blank means the embedded database. */
        public Builder mongoUri(String v) { mongoUri = v == null || v.isBlank() ? null : v.trim(); return this; }
        /** Null or blank means the default (allowed only on the embedded database). */
        public Builder jwtSecret(String v) { jwtSecret = v == null || v.isEmpty() ? null : v; return this; }
        public Builder maxImageBytes(int v) { maxImageBytes = v; return this; }
        public Builder maxPayload(int v) { maxPayload = v; return this; }
        public Builder corsOrigins(List<String> v) { corsOrigins = List.copyOf(v); return this; }
        public Builder nodeName(String v) { nodeName = v; return this; }
        /** Null or blank means a single node (in-memory rooms and presence). */
        public Builder redisUri(String v) { redisUri = v == null || v.isBlank() ? null : v.trim(); return this; }
        public Builder limits(Limits v) { limits = v; return this; }
        /** Null or blank: account mails go to the {@code outbox} collection. */
        public Builder smtpUri(String v) { smtpUri = v == null || v.isBlank() ? null : v.trim(); return this; }
        public Builder accountLimits(AccountLimits v) { accountLimits = v; return this; }
        public Builder queueBudget(java.time.Duration v) { queueBudget = v; return this; }

        /** @throws IllegalArgumentException with a sentence a person can act on */
        public ServerConfig build() {
            requirePort("port", port);
            requirePort("database port", dbPort);
            if (maxImageBytes < 1) {
                throw new IllegalArgumentException("the image size limit must be at least 1 byte, not " + maxImageBytes);
            }
            // base64 grows an image by 4/3; the packet must hold the largest accepted image.
            long neededPayload = (maxImageBytes + 2L) / 3 * 4 + 1024;
            if (maxPayload < neededPayload) {
                throw new IllegalArgumentException("maxPayload " + maxPayload + " cannot carry an image of "
                        + maxImageBytes + " bytes in base64; raise it to at least " + neededPayload);
            }
            if (queueBudget.isNegative() || queueBudget.isZero()) {
                throw new IllegalArgumentException("the queue budget must be at least 1 ms, not " + queueBudget.toMillis());
            }
            if (!dbMemory && dbFile == null && mongoUri == null) {
                throw new IllegalArgumentException("the embedded database needs a file (--db-file) or --db-memory");
            }
            String secret = jwtSecret;
            boolean example = false;
            if (secret == null) {
                if (mongoUri != null) {
                    throw new IllegalArgumentException("an external database (--mongo-uri / MONGODB_URI) needs its own"
                            + " JWT secret: pass --jwt-secret or set JWT_SECRET_TOKEN (the published example secret"
                            + " is only the default on the embedded database)");
                }
                secret = Jwt.EXAMPLE_SECRET;
                example = true;
            } else {
                new Jwt(secret); // fails now, with the reason, for a secret too short for HS256
                example = Jwt.EXAMPLE_SECRET.equals(secret);
            }
            if (smtpUri != null) {
                new dev.switchboard.server.mail.SmtpMailer(smtpUri); // fails now, with the reason, for a bad URI
            }
            List<String> origins = corsOrigins != null ? corsOrigins : mongoUri == null ? List.of("*") : List.of();
            return new ServerConfig(host, port, dbHost, dbPort, dbFile, dbMemory, mongoUri, secret, example,
                    maxImageBytes, maxPayload, origins, nodeName, redisUri, limits, smtpUri, accountLimits,
                    queueBudget);
        }

        private static void requirePort(String what, int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("the " + what + " must be 0-65535, not " + value);
            }
        }
    }
}
