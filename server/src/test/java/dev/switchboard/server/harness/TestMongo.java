package dev.switchboard.server.harness;

import dev.switchboard.server.db.Database;
import dev.switchboard.server.db.EmbeddedMongo;
import dev.switchboard.server.store.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-memory embedded MongoDB reached through the real driver, for a test class:
 * {@code @RegisterExtension static final TestMongo mongo = new TestMongo();} starts it before the class's
 * first test and closes it, with every database it opened, after the last. Each test takes a fresh database.
 */
public final class TestMongo implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final List<Database> opened = new ArrayList<>();
    private EmbeddedMongo server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedMongo.start(null, "127.0.0.1", 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        opened.forEach(Database::close);
        opened.clear();
        server.close();
    }

    public String uri() {
        return server.uri();
    }

    public EmbeddedMongo embedded() {
        return server;
    }

    /** A new empty database with the indexes the server declares at startup (unique ones included). */
    public Database freshDatabase() {
        Database db = Database.connect(server.uri() + "/" + freshName());
        opened.add(db);
        Stores.on(db).ensureIndexes();
        return db;
    }

    public static String freshName() {
        return "fixture_test_" + NEXT.incrementAndGet();
    }
}
