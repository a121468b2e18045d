package dev.switchboard.server.db;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import dev.switchboard.server.Uninterruptibly;
import dev.switchboard.server.db.journal.JournaledBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The default database: mongo-java-server running in this process, reached by the official driver
 * over a loopback socket exactly like a real MongoDB. Its documents are held in memory; unless it runs
 * in memory only, every change is also appended to a journal file before the write is acknowledged
 * ({@link JournaledBackend}).
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoBackend backend;
    private final Path file;
    private final String uri;
    private final List<WrittenDocuments> watchers;

    private EmbeddedMongo(MongoServer server, MongoBackend backend, Path file, String uri,
                          List<WrittenDocuments> watchers) {
        this.server = server;
        this.backend = backend;
        this.file = file;
        this.uri = uri;
        this.watchers = watchers;
    }

    /**
     * Starts the embedded database.
     *
     * @param file the journal file; null for a throwaway in-memory database
     * @param port the loopback port; 0 for any free port
     */
    public static EmbeddedMongo start(Path file, String host, int port) {
        MongoBackend backend;
        if (file == null) {
            backend = JournaledBackend.inMemory();
        } else {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the database folder for " + file, e);
            }
            JournaledBackend journaled = JournaledBackend.open(file.toAbsolutePath());
            backend = new DurableWrites(journaled, journaled::seal);
        }
        List<WrittenDocuments> watchers = new CopyOnWriteArrayList<>();
        MongoServer server = new MongoServer(new WriteWatch(backend, everyOf(watchers)));
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException("the embedded database cannot listen on " + host + ":" + port
                    + " (" + e.getMessage() + "); choose another with --db-port", e);
        }
        var address = server.getLocalAddress();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        return new EmbeddedMongo(server, backend, file, uri, watchers);
    }

    private static WrittenDocuments everyOf(List<WrittenDocuments> watchers) {
        return new WrittenDocuments() {
            @Override
            public void changed(String database, String collection, Set<String> ids) {
                watchers.forEach(w -> w.changed(database, collection, ids));
            }

            @Override
            public void changedAll(String database, String collection) {
                watchers.forEach(w -> w.changedAll(database, collection));
            }
        };
    }

    /** From now on, {@code watcher} hears of every write applied, by any client (see {@link WrittenDocuments}). */
    public void watchWrites(WrittenDocuments watcher) {
        watchers.add(watcher);
    }

    /** The connection string, without database name. */
    public String uri() {
        return uri;
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    /** The journal file, or null when in memory. */
    public Path file() {
        return file;
    }

    public boolean inMemory() {
        return file == null;
    }

    /**
     * Forces what was written so far onto disk (a no-op in memory). Writes through the driver are
     * committed before they are answered already; this is for a caller that wants a checkpoint.
     */
    public void commit() {
        if (backend instanceof DurableWrites durable) {
            durable.checkpoint();
        }
    }

    /**
     * The application name under which this process's server connects, so that its writes are answered once
     * applied and made durable at its sync points ({@link #awaitWritesDurable()}) instead of one by one.
     */
    public static String syncPointClientName() {
        return DurableWrites.SYNC_POINT_CLIENT;
    }

    /** Returns once the write whose reply gave that commit ticket, and every one before it, is on disk. */
    void awaitDurable(long ticket) {
        if (backend instanceof DurableWrites durable) {
            durable.awaitDurable(ticket);
        }
    }

    /** Returns once every write applied so far is on disk; at once in memory. */
    public void awaitWritesDurable() {
        if (backend instanceof DurableWrites durable) {
            durable.awaitApplied();
        }
    }

    /** Stops listening and closes the store cleanly, so every write so far is kept. */
    @Override
    public void close() {
        Uninterruptibly.run(server::shutdown);
    }

    public String describe() {
        return inMemory() ? "embedded, in memory, at " + uri : "embedded, file " + file.toAbsolutePath() + ", at " + uri;
    }
}
