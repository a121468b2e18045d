package dev.switchboard.server;

import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.SocketIoServer;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.redis.ClusterRequests;
import dev.switchboard.redis.LocalSocketSlots;
import dev.switchboard.redis.RedisBackplane;
import dev.switchboard.redis.SharedPresence;
import dev.switchboard.redis.SharedSocketSlots;
import dev.switchboard.redis.SocketSlots;
import dev.switchboard.server.account.AccountContext;
import dev.switchboard.server.account.AccountTokens;
import dev.switchboard.server.account.PasswordHasher;
import dev.switchboard.server.admin.AdminNamespace;
import dev.switchboard.server.args.ArgParser;
import dev.switchboard.server.cluster.RoomRepair;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.db.EmbeddedMongo;
import dev.switchboard.server.db.SyncPoints;
import dev.switchboard.server.emit.ConnectPushes;
import dev.switchboard.server.emit.Emits;
import dev.switchboard.server.listener.Dispatcher;
import dev.switchboard.server.listener.Listeners;
import dev.switchboard.server.mail.MailQueue;
import dev.switchboard.server.mail.OutboxMailer;
import dev.switchboard.server.mail.SmtpMailer;
import dev.switchboard.server.middleware.Middlewares;
import dev.switchboard.server.presence.InMemoryPresence;
import dev.switchboard.server.presence.Presence;
import dev.switchboard.server.presence.RedisPresence;
import dev.switchboard.server.route.HttpRoutes;
import dev.switchboard.server.route.JsonRoutes;
import dev.switchboard.server.security.EventRate;
import dev.switchboard.server.security.QueueBudget;
import dev.switchboard.server.security.Revocations;
import dev.switchboard.server.store.Stores;
import dev.switchboard.server.store.cache.KeyedReads;
import dev.switchboard.server.store.derived.DerivedDocuments;
import dev.switchboard.server.visibility.Visibility;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application, wired top to bottom: config, database, stores, engine, middlewares, listeners, HTTP
 * routes, start.
 */
public final class SwitchboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardServer.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final ServerConfig config;
    private final EmbeddedMongo embedded;
    private final Database database;
    private final Stores stores;
    private final Presence presence;
    private final SocketIoServer engine;
    private final RedisBackplane redis;
    private final RoomRepair roomRepair;
    private final AdminNamespace admin;
    private final MailQueue mail;
    private final KeyedReads reads;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SwitchboardServer(ServerConfig config, EmbeddedMongo embedded, Database database, Stores stores,
                              Presence presence, SocketIoServer engine, RedisBackplane redis, RoomRepair roomRepair,
                              AdminNamespace admin, MailQueue mail, KeyedReads reads) {
        this.config = config;
        this.embedded = embedded;
        this.database = database;
        this.stores = stores;
        this.presence = presence;
        this.engine = engine;
        this.redis = redis;
        this.roomRepair = roomRepair;
        this.admin = admin;
        this.mail = mail;
        this.reads = reads;
    }

    /** Starts everything; on failure, stops what was already started and rethrows. */
    public static SwitchboardServer start(ServerConfig config) {
        EmbeddedMongo embedded = null;
        Database database = null;
        SocketIoServer engine = null;
        RedisBackplane redis = null;
        RoomRepair roomRepair = null;
        MailQueue mail = null;
        KeyedReads reads = KeyedReads.direct();
        try {
            // 1. the database: embedded unless a MongoDB URI was given
            String uri = config.mongoUri();
            SyncPoints syncPoints = SyncPoints.NONE;
            if (config.embeddedDatabase()) {
                embedded = EmbeddedMongo.start(config.dbMemory() ? null : config.dbFile(), config.dbHost(),
                        config.dbPort());
                uri = embedded.uri() + "/" + Database.DEFAULT_NAME;
                syncPoints = SyncPoints.on(embedded);
            }
            database = Database.connect(uri, syncPoints.clientName(), syncPoints.writes());

            // 2. the stores, with their indexes; on the embedded database, reads by _id come from a cache it keeps true
            if (embedded != null) {
                reads = KeyedReads.cached(database.name()).readingAheadFrom(database.mongo());
                embedded.watchWrites(reads);
            }
            Stores stores = Stores.on(database.mongo(), reads).ensureIndexes();
            DerivedDocuments.repairAtStartup(database.mongo(), config.embeddedDatabase());

            // 3. the engine and its main namespace; with Redis, rooms and presence span every node
            if (config.redisUri() != null) {
                redis = RedisBackplane.connect(config.redisUri());
            }
            engine = SocketIoServer.create(EngineConfig.builder()
                    .host(config.host())
                    .port(config.port())
                    .maxPayload(config.maxPayload())
                    .maxConnectionsPerAddress(config.limits().connectionsPerAddress())
                    .corsOrigins(config.corsOrigins())
                    .nodeName(config.nodeName())
                    .adapterFactory(redis == null ? null : redis.adapterFactory())
                    .build());
            Namespace main = engine.namespace(EventCatalog.MAIN);

            // 4. what middlewares, listeners and pushes share
            Clock clock = Clock.systemUTC();
            Presence presence = redis == null ? new InMemoryPresence() : new RedisPresence(new SharedPresence(redis));
            SocketSlots slots = redis == null ? new LocalSocketSlots() : new SharedSocketSlots(redis);
            Visibility visibility = new Visibility(stores.users());
            Emits emits = Emits.create(main, stores, visibility, syncPoints).checkAgainstCatalog();
            ArgParser argParser = new ArgParser(config.maxImageBytes());
            AppContext app = new AppContext(config, stores, visibility, presence, slots, new Jwt(config.jwtSecret()),
                    clock, main, argParser, emits, syncPoints);

            // 5. the connection middlewares, in order
            main.use(new Middlewares(Middlewares.chain(app)));

            // 6. the connect pushes, then every listener of the catalog; /admin watches them
            main.onConnection(new ConnectPushes(emits.onConnect(), stores.users(), emits.emitter(), clock));
            ClusterRequests nodes = redis == null ? ClusterRequests.singleNode() : ClusterRequests.over(redis);
            AdminNamespace admin = AdminNamespace.install(engine, app, nodes);
            new Dispatcher(Listeners.all(app), argParser, clock, admin.callObserver(),
                    new EventRate(config.limits().eventsPerSecond(), config.limits().eventBurst()),
                    new QueueBudget(config.queueBudget())).syncingAt(syncPoints).register(main);

            // 7. with Redis: room changes missed during an outage are repaired from the database when it is back
            if (redis != null) {
                roomRepair = RoomRepair.onReconnect(redis, nodes, main, stores.users());
            }

            // 8. the HTTP routes on the same port: accounts
            mail = new MailQueue(config.smtpUri() == null ? new OutboxMailer(stores.outbox(), clock)
                    : new SmtpMailer(config.smtpUri()));
            AccountContext accounts = new AccountContext(stores.users(), new AccountTokens(stores.accountTokens(), clock),
                    PasswordHasher.DEFAULT, mail, app.jwt(), app.tokenCheck(), app.revocations(), stores.revocations(),
                    stores.suspensions(), clock, config.accountLimits());
            engine.http(new JsonRoutes(HttpRoutes.all(accounts), syncPoints));

            // 9. go
            startEngine(engine, config);
            LOG.info("Account mails go to {}", mail.describe());
            return new SwitchboardServer(config, embedded, database, stores, presence, engine, redis, roomRepair, admin,
                    mail, reads);
        } catch (RuntimeException e) {
            SocketIoServer startedEngine = engine;
            if (startedEngine != null) {
                quietly(() -> startedEngine.stop(Duration.ZERO));
            }
            if (mail != null) {
                quietly(mail::close);
            }
            if (roomRepair != null) {
                quietly(roomRepair::close);
            }
            if (redis != null) {
                quietly(redis::close);
            }
            quietly(reads::close);
            if (database != null) {
                quietly(database::close);
            }
            if (embedded != null) {
                quietly(embedded::close);
            }
            throw e;
        }
    }

    /** The engine says which address it cannot listen on; add which flag changes it. */
    private static void startEngine(SocketIoServer engine, ServerConfig config) {
        try {
            engine.start();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the Socket.IO server " + e.getMessage() + "; choose another with --port", e);
        }
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("while cleaning up after a failed start: {}", e.toString());
        }
    }

    public ServerConfig config() {
        return config;
    }

    public int port() {
        return engine.port();
    }

    /** The URL a Socket.IO client connects to, e.g. {@code http://127.0.0.1:3000}. */
    public String socketIoUrl() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isBlank()) {
            host = "127.0.0.1";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** The MongoDB connection string in use, naming the database. */
    public String mongoUri() {
        return withDatabaseName(database.uri(), database.name());
    }

    static String withDatabaseName(String uri, String name) {
        int schemeEnd = uri.indexOf("://");
        int hostsStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int slash = uri.indexOf('/', hostsStart);
        int query = uri.indexOf('?', hostsStart);
        if (slash >= 0 && (query < 0 || slash < query)) {
            int end = query < 0 ? uri.length() : query;
            if (end > slash + 1) {
                return uri;
            }
            return uri.substring(0, slash + 1) + name + uri.substring(end);
        }
        if (query >= 0) {
            return uri.substring(0, query) + "/" + name + uri.substring(query);
        }
        return uri + "/" + name;
    }

    public boolean embeddedDatabase() {
        return embedded != null;
    }

    /** E.g. {@code embedded, file /work/data/switchboard.mv, at mongodb://127.0.0.1:27018}. */
    public String databaseDescription() {
        return embedded != null ? embedded.describe() : "external MongoDB, database " + database.name();
    }

    public Stores stores() {
        return stores;
    }

    public Database database() {
        return database;
    }

    /** Cuts a user's sessions off (see {@link Revocations}); for the admin namespace, tools and POST /change_password. */
    public Revocations revocations() {
        return new Revocations(stores.revocations(), engine.namespace(EventCatalog.MAIN), Clock.systemUTC());
    }

    public Presence presence() {
        return presence;
    }

    public SocketIoServer engine() {
        return engine;
    }

    /** Stops the engine (clients are told), then closes the database so every write is kept. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Uninterruptibly.run(this::closeParts); // a console may retire its server on a thread interrupted as it quits
    }

    private void closeParts() {
        try {
            engine.stop(STOP_GRACE);
        } catch (RuntimeException e) {
            LOG.warn("stopping the Socket.IO engine: {}", e.toString());
        }
        mail.close();
        admin.close();
        if (redis != null) {
            roomRepair.close();
            if (presence instanceof RedisPresence shared) {
                shared.close();
            }
            redis.close();
        }
        reads.close();
        try {
            database.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
