package dev.switchboard.server.store.cache;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.bson.Document;

/**
 * The cached documents of one collection, by {@code _id} key, with known absences. A read that missed
 * notes the generation of its key before it asks the database, and keeps what it read only if no write
 * to that key was reported meanwhile: a reply read before a write never overwrites the write's news.
 */
final class Shelf {

    /** What the cache knows of one key: the document, or null when it does not exist. */
    record Found(Document document) {
    }

    private static final int STRIPES = 64;

    private final int limit;
    private final Map<String, Found> documents = new ConcurrentHashMap<>();
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);

    Shelf(int limit) {
        this.limit = limit;
    }

    Found get(String key) {
        return documents.get(key);
    }

    long generation(String key) {
        return generations.get(stripe(key));
    }

    /** Keeps what a read found, unless a write to that key was reported since {@code generation} was taken. */
    void keep(String key, long generation, Document document) {
        int stripe = stripe(key);
        // compute() holds the key's bin while it checks, so forget() of the same key cannot slip in between
        documents.compute(key, (k, old) -> generations.get(stripe) == generation ? new Found(document) : old);
        if (documents.size() > limit) {
            shrink();
        }
    }

    void forget(String key) {
        generations.incrementAndGet(stripe(key));
        documents.remove(key);
    }

    void forgetAll() {
        for (int i = 0; i < STRIPES; i++) {
            generations.incrementAndGet(i);
        }
        documents.clear();
    }

    int size() {
        return documents.size();
    }

    /** Drops documents (in hash order, which is as good as random here) until a tenth of the room is free. */
    private void shrink() {
        Iterator<String> keys = documents.keySet().iterator();
        while (documents.size() > limit * 9 / 10 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static int stripe(String key) {
        return key.hashCode() & (STRIPES - 1);
    }
}
