package dev.switchboard.server.db.journal;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's documents, held in memory; on a file, every change is also appended to a journal
 * that is forced to the device before the write is acknowledged (see {@code DurableWrites}). At start the
 * journal is replayed; when it holds far more records than documents it is rewritten with just the documents.
 * A file of the H2 store used before is converted on first start.
 *
 * <p>Why not H2's store: each commit serialized every page a write touched with Java serialization and
 * synced several times, about 6-10 ms per commit on this project's machines, which set the p99 of every event.
 * An append of the changed documents and one {@code fdatasync} takes well under a millisecond.
 */
public final class JournaledBackend extends AbstractMongoBackend {

    private static final Logger LOG = LoggerFactory.getLogger(JournaledBackend.class);
    /** Rewrite at start when replaying left fewer than half the records as documents. */
    private static final int REWRITE_WHEN_RECORDS_PER_DOCUMENT = 2;

    /** Null when only in memory. */
    private final Journal journal;
    private final Map<String, JournaledDatabase> databases = new ConcurrentHashMap<>();
    /** The journal's documents while the databases are opened at start; empty after. */
    private LoadedDocuments loaded = new LoadedDocuments();

    private JournaledBackend(Path file, long rewriteFloorBytes) {
        if (file == null) {
            this.journal = null;
            return;
        }
        H2Import.convertIfH2(file);
        long started = System.nanoTime();
        this.journal = new Journal(JournalFile.open(file, loaded::apply), this::everyDocument, rewriteFloorBytes);
        for (String database : loaded.databaseNames()) {
            resolveDatabase(database);
        }
        long records = loaded.records();
        long documents = loaded.documents();
        loaded.clear();
        LOG.info("opened the database journal {}: {} documents from {} records in {} ms", file, documents, records,
                (System.nanoTime() - started) / 1_000_000);
        if (records > REWRITE_WHEN_RECORDS_PER_DOCUMENT * documents + 1000) {
            journal.rewrite();
        }
    }

    /** Opens the journal at {@code file}, creating it when missing. */
    public static JournaledBackend open(Path file) {
        return open(file, Journal.REWRITE_FLOOR_BYTES);
    }

    /** As {@link #open(Path)}, rewriting the journal while running only once it is over {@code rewriteFloorBytes}. */
    public static JournaledBackend open(Path file, long rewriteFloorBytes) {
        return new JournaledBackend(file, rewriteFloorBytes);
    }

    /** A database that lives only as long as this process. */
    public static JournaledBackend inMemory() {
        return new JournaledBackend(null, 0);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        Map<String, Map<Object, Document>> collections = loaded.collectionsOf(databaseName);
        JournaledDatabase database = new JournaledDatabase(databaseName, getCursorRegistry(), journal, collections);
        databases.put(databaseName, database);
        return database;
    }

    /**
     * Takes the changes applied so far; call it while no write is being applied. Returns what makes them durable,
     * to run once writes may go on again.
     */
    public Runnable seal() {
        if (journal == null) {
            throw new IllegalStateException("an in-memory database has no journal");
        }
        return journal.seal();
    }

    private void everyDocument(RecordSink out) {
        databases.values().forEach(database -> database.everyDocument(out));
    }

    @Override
    public void close() {
        super.close();
        if (journal != null) {
            journal.close();
        }
    }
}
