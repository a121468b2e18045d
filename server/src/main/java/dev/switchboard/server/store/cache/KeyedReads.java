package dev.switchboard.server.store.cache;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.switchboard.server.db.WrittenDocuments;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads of whole documents by {@code _id}, the hot reads of every store. On the embedded database they
 * are served from a cache in this process that the database itself keeps true: it reports every write it
 * applies, from any client, before answering it ({@link WrittenDocuments}), and the changed documents
 * leave the cache. On an external MongoDB other processes write unseen, so every read goes to the
 * database ({@link #direct()}).
 *
 * <p>After its first misses, a collection of up to half the limit whose cache is cold (holds under half of it) is
 * read whole ({@link #fillIfDue}): after a start or a seed, the first reads of each collection then cost one
 * query, not one per document, and absent keys (most users have no suspension, no revocation) cost none. That is
 * decided once, until the whole collection is reported changed: a read of thousands of documents in the middle of
 * the traffic would hold up whoever waits on it, so documents that writes took out one by one come back one by one.
 *
 * <p>Callers own what they get: every document handed out is a copy, except those of {@link #sharedByIds}.
 * What the server's own writes leave can be kept without a read ({@link #beforeWrite}).
 */
public final class KeyedReads implements WrittenDocuments, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedReads.class);

    /** Documents kept per collection at most; past it, some are dropped at random. */
    static final int DEFAULT_LIMIT = 20_000;
    /** A collection of at most this share of the limit may be read whole. */
    private static final int FILL_SHARE_OF_LIMIT = 2;
    /**
     * Values kept per collection at most ({@link Shelf#units}, about 100 bytes each): a full timeline of 200 items
     * counts 600, so 2,000 of them fit, or 20,000 small documents.
     */
    static final long DEFAULT_UNIT_LIMIT = 1_500_000;

    private final String database;
    private final int limit;
    private final Map<String, Shelf> shelves = new ConcurrentHashMap<>();
    private volatile ReadAhead readAhead;

    private KeyedReads(String database, int limit) {
        this.database = database;
        this.limit = limit;
    }

    /** Reads straight from the database, no cache. */
    public static KeyedReads direct() {
        return new KeyedReads(null, 0);
    }

    /** Cached reads of one database, which must then report its writes to {@link #changed} and {@link #changedAll}. */
    public static KeyedReads cached(String database) {
        return cached(database, DEFAULT_LIMIT);
    }

    static KeyedReads cached(String database, int limit) {
        return new KeyedReads(database, limit);
    }

    /**
     * From now on, a small collection that a bulk write filled is read whole into the cache in the background once
     * bulk writes stop ({@link ReadAhead}), as it would be at its first misses: after a seed, the first users to
     * connect find it here. For a server; tests of the cache alone leave it off.
     */
    public KeyedReads readingAheadFrom(MongoDatabase db) {
        if (caching() && readAhead == null) {
            readAhead = new ReadAhead(name -> {
                MongoCollection<Document> collection = db.getCollection(name);
                fillIfDue(collection, shelf(collection), Shelf.MISSES_BEFORE_DECIDING); // nothing if decided already
            });
        }
        return this;
    }

    /** Stops reading ahead. */
    @Override
    public void close() {
        if (readAhead != null) {
            readAhead.close();
        }
    }

    public boolean caching() {
        return database != null;
    }

    /**
     * Whether this process is the only writer of the database: the cache is kept only for the embedded database,
     * which this process opened and serves alone. A store can then make a read-check-write atomic with a lock of
     * its own instead of a condition in the update's filter.
     */
    public boolean soleWriter() {
        return caching();
    }

    /** The document with that {@code _id}. */
    public Optional<Document> byId(MongoCollection<Document> collection, Object id) {
        String key = caching() ? WrittenDocuments.key(id) : null;
        if (key == null) {
            return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first());
        }
        Shelf shelf = shelf(collection);
        Shelf.Found found = shelf.get(key);
        if (found == null && fillIfDue(collection, shelf, 1)) {
            found = shelf.get(key);
        }
        if (found != null) {
            return Optional.ofNullable(DocumentCopy.of(found.document()));
        }
        long generation = shelf.generation(key);
        Document read = collection.find(Filters.eq("_id", id)).first();
        shelf.keep(key, generation, read == null ? null : DocumentCopy.of(read));
        return Optional.ofNullable(read);
    }

    /** Only {@code _id} and these top-level fields of the document with that {@code _id}, as a projection returns them. */
    public Optional<Document> byId(MongoCollection<Document> collection, Object id, String... fields) {
        if (!caching()) {
            return Optional.ofNullable(collection.find(Filters.eq("_id", id)).projection(Projections.include(fields))
                    .first());
        }
        Set<String> kept = new HashSet<>(List.of(fields));
        kept.add("_id");
        return sharedById(collection, id).map(whole -> DocumentCopy.of(whole, kept)); // copies only what it keeps
    }

    /** The documents with these {@code _id}s that exist, by {@code _id}, in the order of {@code ids}. */
    public Map<Object, Document> byIds(MongoCollection<Document> collection, Collection<?> ids) {
        return byIds(collection, ids, true);
    }

    /**
     * As {@link #byIds}, but a cached document is handed out as it is, not copied: for callers that only read
     * what they get and never change it: timeline lists (200 items per followed user) and the tweets and messages
     * of a page that is only rendered.
     */
    public Map<Object, Document> sharedByIds(MongoCollection<Document> collection, Collection<?> ids) {
        return byIds(collection, ids, false);
    }

    /** As {@link #sharedByIds}, for one document. */
    public Optional<Document> sharedById(MongoCollection<Document> collection, Object id) {
        return Optional.ofNullable(sharedByIds(collection, List.of(id)).get(id));
    }

    private Map<Object, Document> byIds(MongoCollection<Document> collection, Collection<?> ids, boolean copy) {
        Map<Object, Document> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        if (!caching()) {
            collection.find(Filters.in("_id", List.copyOf(ids))).forEach(d -> out.put(d.get("_id"), d));
            return ordered(ids, out);
        }
        Shelf shelf = shelf(collection);
        List<Object> missing = new ArrayList<>();
        Map<Object, Long> generations = new LinkedHashMap<>();
        lookUp(shelf, ids, copy, out, missing, generations);
        if (!missing.isEmpty() && fillIfDue(collection, shelf, missing.size())) {
            out.clear();
            missing.clear();
            generations.clear();
            lookUp(shelf, ids, copy, out, missing, generations);
        }
        if (!missing.isEmpty()) {
            Map<Object, Document> read = new LinkedHashMap<>();
            collection.find(Filters.in("_id", missing)).forEach(d -> read.put(d.get("_id"), d));
            for (Object id : missing) {
                String key = WrittenDocuments.key(id);
                Document d = read.get(id);
                if (key != null) {
                    shelf.keep(key, generations.get(id), d == null ? null : DocumentCopy.of(d));
                }
                if (d != null) {
                    out.put(id, d);
                }
            }
        }
        return ordered(ids, out);
    }

    /** What the shelf holds of {@code ids} goes to {@code out}; the others, with their generations now, to {@code missing}. */
    private static void lookUp(Shelf shelf, Collection<?> ids, boolean copy, Map<Object, Document> out,
                               List<Object> missing, Map<Object, Long> generations) {
        for (Object id : ids) {
            String key = WrittenDocuments.key(id);
            Shelf.Found found = key == null ? null : shelf.get(key);
            if (found != null) {
                if (found.document() != null) {
                    out.put(id, copy ? DocumentCopy.of(found.document()) : found.document());
                }
            } else if (!generations.containsKey(id)) {
                missing.add(id);
                generations.put(id, key == null ? -1 : shelf.generation(key));
            }
        }
    }

    /**
     * Reads the whole collection into its shelf when the shelf says it is time to decide ({@link Shelf#fillDue}), the
     * collection is small enough and the shelf is cold; true when the shelf now holds it whole. One count and one
     * unfiltered read, each a single round trip.
     */
    private boolean fillIfDue(MongoCollection<Document> collection, Shelf shelf, int missed) {
        if (!shelf.fillDue(missed)) {
            return false;
        }
        boolean decided = false;
        try {
            long size = collection.estimatedDocumentCount();
            decided = true;
            if (size > limit / FILL_SHARE_OF_LIMIT || shelf.present() > size / 2) {
                return false; // too big, or the shelf is warm already: keyed reads fetch the rest as they are asked for
            }
            long started = System.nanoTime();
            Shelf.Fill fill = shelf.beginFill();
            boolean readAll = false;
            try (MongoCursor<Document> all = collection.find().iterator()) {
                boolean added = true;
                while (added && all.hasNext()) {
                    added = fill.add(all.next());
                }
                readAll = added;
            } finally {
                readAll = fill.end(readAll); // false after a failed read: the shelf is not whole
            }
            LOG.info("read {} whole into the cache: {} documents in {} ms{}", collection.getNamespace().getCollectionName(),
                    size, (System.nanoTime() - started) / 1_000_000, readAll ? "" : " (not held whole: written meanwhile)");
            return readAll;
        } finally {
            shelf.fillEnded(decided);
        }
    }

    /**
     * Call right before one of our own writes to the document with that {@code _id} (one command), and tell what
     * it returns the document the write left, when the caller knows it exactly: see {@link OwnWrite}.
     */
    public OwnWrite beforeWrite(MongoCollection<Document> collection, Object id) {
        String key = caching() ? WrittenDocuments.key(id) : null;
        if (key == null) {
            return OwnWrite.NONE;
        }
        Shelf shelf = shelf(collection);
        Shelf.Known known = shelf.known(key);
        return new OwnWrite(shelf, key, known.generation(), known.document());
    }

    /** Inserts a document that has its {@code _id}, and keeps a copy of it as stored (see {@link OwnWrite#wroteCopyOf}). */
    public void insert(MongoCollection<Document> collection, Document document) {
        OwnWrite write = beforeWrite(collection, document.get("_id"));
        collection.insertOne(document);
        write.wroteCopyOf(document);
    }

    private static Map<Object, Document> ordered(Collection<?> ids, Map<Object, Document> found) {
        Map<Object, Document> out = new LinkedHashMap<>();
        for (Object id : ids) {
            Document d = found.get(id);
            if (d != null) {
                out.put(id, d);
            }
        }
        return out;
    }

    private Shelf shelf(MongoCollection<Document> collection) {
        return shelves.computeIfAbsent(collection.getNamespace().getCollectionName(),
                name -> new Shelf(limit, DEFAULT_UNIT_LIMIT));
    }

    @Override
    public void changed(String database, String collection, Set<String> ids) {
        if (!Objects.equals(database, this.database)) {
            return;
        }
        Shelf shelf = shelves.get(collection);
        if (shelf != null) {
            ids.forEach(shelf::forget);
        }
        if (readAhead != null && collection != null) {
            readAhead.written(collection, ids.size());
        }
    }

    @Override
    public void changedAll(String database, String collection) {
        if (!Objects.equals(database, this.database)) {
            return;
        }
        if (collection == null) {
            shelves.values().forEach(Shelf::forgetAll);
        } else {
            Shelf shelf = shelves.get(collection);
            if (shelf != null) {
                shelf.forgetAll();
            }
        }
    }

    /** Whether the cache holds the document with that {@code _id} (not only that it is absent). */
    boolean holds(MongoCollection<Document> collection, Object id) {
        Shelf shelf = shelves.get(collection.getNamespace().getCollectionName());
        Shelf.Found found = shelf == null ? null : shelf.get(WrittenDocuments.key(id));
        return found != null && found.document() != null;
    }

    /** The collections whose shelves now hold them whole (any key they do not hold is absent). */
    public Set<String> wholeCollections() {
        Set<String> whole = new TreeSet<>();
        shelves.forEach((name, shelf) -> {
            if (shelf.whole()) {
                whole.add(name);
            }
        });
        return whole;
    }

    /** How many documents (and known absences) are cached per collection, for the stats. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        shelves.forEach((name, shelf) -> sizes.put(name, shelf.size()));
        return sizes;
    }
}
