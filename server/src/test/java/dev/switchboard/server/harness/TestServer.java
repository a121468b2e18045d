package dev.switchboard.server.harness;

import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.store.Stores;
import dev.switchboard.server.store.UserStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a free port with a throwaway in-memory database, plus what tests need around it:
 * users made through the stores, tokens, and clients that are closed with the server.
 *
 * <p>One server for a whole test class is a JUnit extension:
 * {@code @RegisterExtension static final TestServer server = TestServer.perClass();} starts it before the
 * class's first test ({@code @BeforeAll} methods already see it) and closes it, with its clients, after the
 * last. {@link #start()} starts one at once, for a test that closes it itself.
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final ServerConfig.Builder config;
    private final List<TestClient> clients = new ArrayList<>();
    private SwitchboardServer server;
    private Jwt jwt;

    private TestServer(ServerConfig.Builder config) {
        this.config = config;
    }

    /**
     * Event rate limits so high that tests firing hundreds of calls on one socket are never refused;
     * the real defaults are checked where the rate is the subject.
     */
    public static final ServerConfig.Limits UNHURRIED = new ServerConfig.Limits(100_000, 100_000,
            ServerConfig.Limits.DEFAULT.socketsPerUser());

    /** A queue budget no busy CI machine reaches: shedding is checked where it is the subject (OverloadTest). */
    public static final java.time.Duration UNHURRIED_QUEUE = java.time.Duration.ofSeconds(10);

    public static TestServer start() {
        return start(unhurried());
    }

    public static TestServer start(ServerConfig.Builder config) {
        TestServer server = new TestServer(config);
        server.startServer();
        return server;
    }

    /** One server for the test class that registers it ({@code @RegisterExtension}). */
    public static TestServer perClass() {
        return perClass(unhurried());
    }

    public static TestServer perClass(ServerConfig.Builder config) {
        return new TestServer(config);
    }

    private static ServerConfig.Builder unhurried() {
        return ServerConfig.ephemeral().limits(UNHURRIED).queueBudget(UNHURRIED_QUEUE);
    }

    private void startServer() {
        server = SwitchboardServer.start(config.build());
        jwt = new Jwt(server.config().jwtSecret());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startServer();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public SwitchboardServer server() {
        return server;
    }

    public Stores stores() {
        return server.stores();
    }

    public Jwt jwt() {
        return jwt;
    }

    public String url() {
        return server.socketIoUrl();
    }

    /** A new private user with a unique username; returns its id. */
    public ObjectId user() {
        return user(false);
    }

    public ObjectId publicUser() {
        return user(true);
    }

    public ObjectId user(boolean isPublic) {
        String name = "user" + NAMES.incrementAndGet();
        Document user = new Document(UserStore.NAME, name)
                .append(UserStore.FAMILY, "Tester")
                .append(UserStore.USERNAME, name)
                .append(UserStore.HASH_PASSWORD, "not-a-real-hash")
                .append(UserStore.EMAIL, name + "@example.com")
                .append(UserStore.PHONE, "0")
                .append(UserStore.PHOTO, null)
                .append(UserStore.BIOGRAPHY, "bio of " + name)
                .append(UserStore.LAST_SEEN, null)
                .append(UserStore.REGISTER_AT, new Date())
                .append(UserStore.EMAIL_CONFIRMATION, true)
                .append(UserStore.FOLLOWING, new ArrayList<>())
                .append(UserStore.BLOCK, new ArrayList<>())
                .append(UserStore.SETTING, new Document(UserStore.PUBLICITY, isPublic));
        return stores().users().insert(user);
    }

    /** {@code follower} follows {@code followed} in the database (sockets connected later join the room). */
    public void follow(ObjectId follower, ObjectId followed) {
        stores().users().follow(follower, followed, new Date());
    }

    public void block(ObjectId blocker, ObjectId blocked) {
        stores().users().block(blocker, blocked, new Date());
    }

    public Document userDoc(ObjectId id) {
        return stores().users().findById(id).orElseThrow();
    }

    public String token(ObjectId user) {
        return jwt.sign(user.toHexString());
    }

    /** A connected client of that user (fails the test when the connection is refused). */
    public TestClient connect(ObjectId user) {
        TestClient c = TestClient.connect(url(), token(user));
        synchronized (clients) {
            clients.add(c);
        }
        return c;
    }

    /** The {@code connect_error} message for that handshake auth (fails the test when admitted). */
    public String connectError(java.util.Map<String, ?> auth) {
        return TestClient.connectError(url(), auth);
    }

    /** A connected client of that user, or null when the connection was refused. */
    public TestClient connectOrNull(ObjectId user) {
        try {
            return connect(user);
        } catch (AssertionError refused) {
            return null;
        }
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(TestClient::close);
            clients.clear();
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
