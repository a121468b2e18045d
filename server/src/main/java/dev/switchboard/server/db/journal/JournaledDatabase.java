package dev.switchboard.server.db.journal;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A database of {@link JournaledCollection}s. Opened with the documents the journal holds for it, it puts them
 * back into their collections before it reads its namespaces and index descriptions, so its indexes are built
 * from them exactly as when it first ran.
 */
final class JournaledDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

    private final Journal journal;
    /** The journal's documents, until the collections hold them. */
    private Map<String, Map<Object, Document>> loaded;
    private final Map<String, JournaledCollection> open = new ConcurrentHashMap<>();

    JournaledDatabase(String name, CursorRegistry cursors, Journal journal, Map<String, Map<Object, Document>> loaded) {
        super(name, cursors);
        this.journal = journal;
        this.loaded = loaded;
        initializeNamespacesAndIndexes();
        this.loaded = Map.of();
    }

    @Override
    protected MongoCollection<Integer> openOrCreateCollection(String collectionName, CollectionOptions options) {
        JournaledCollection collection = new JournaledCollection(this, collectionName, options, cursorRegistry, journal);
        Map<Object, Document> documents = loaded.get(collectionName);
        if (documents != null) {
            collection.load(documents.values());
        }
        open.put(collectionName, collection);
        return collection;
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                     boolean sparse) {
        return SingleFieldUniqueIndex.of(indexName, keys, sparse);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldName = collection.getCollectionName();
        super.moveCollection(oldDatabase, collection, newCollectionName);
        if (collection instanceof JournaledCollection moved) {
            ((JournaledDatabase) oldDatabase).open.remove(oldName, moved);
            open.put(newCollectionName, moved);
            moved.recordMoveFrom(oldDatabase.getDatabaseName(), oldName);
        }
    }

    /** A collection was dropped: it is no longer written out by a rewrite. */
    void forget(JournaledCollection collection) {
        open.remove(collection.getCollectionName(), collection);
    }

    /** Hands every document of every collection, as a record, to {@code out}. */
    void everyDocument(RecordSink out) {
        open.values().forEach(collection -> collection.everyDocument(out));
    }

    @Override
    protected long getStorageSize() {
        return 0;
    }

    @Override
    protected long getFileSize() {
        return 0;
    }
}
