package dev.switchboard.server.store.cache;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.bson.Document;

/**
 * The cached documents of one collection, by {@code _id} key, with known absences. A read that missed
 * notes the generation of its key before it asks the database, and keeps what it read only if no write
 * to that key was reported meanwhile: a reply read before a write never overwrites the write's news.
 */
final class Shelf {

    /** What the cache knows of one key: the document, or null when it does not exist, and its size in {@link #units}. */
    record Found(Document document, int units) {
    }

    /** The document the cache holds for a key (null: none, or a known absence), and the generation of its stripe then. */
    record Known(Document document, long generation) {
    }

    /** Many, so that a write to one key seldom holds back what is kept for others (see {@link OwnWrite}). */
    private static final int STRIPES = 1024;

    private final int limit;
    private final long unitLimit;
    private final Map<String, Found> documents = new ConcurrentHashMap<>();
    /** Roughly the units held; only decides when to {@link #shrink}, which counts them exactly. */
    private final AtomicLong units = new AtomicLong();
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    /** {@link #known} never runs while {@link #forgetAll} is half done (its generations moved on, its documents still here). */
    private final ReadWriteLock forgettingAll = new ReentrantReadWriteLock();

    Shelf(int limit, long unitLimit) {
        this.limit = limit;
        this.unitLimit = unitLimit;
    }

    Found get(String key) {
        return documents.get(key);
    }

    long generation(String key) {
        return generations.get(stripe(key));
    }

    /**
     * The document held for that key and its stripe's generation, taken together: the document is then what the
     * database holds at that generation, as every report of a write to the key moves the generation on and removes
     * the key in one step ({@link #forget}), and {@link #forgetAll} is not half done.
     */
    Known known(String key) {
        int stripe = stripe(key);
        forgettingAll.readLock().lock();
        try {
            Known[] known = {new Known(null, generations.get(stripe))};
            documents.computeIfPresent(key, (k, found) -> {
                known[0] = new Known(found.document(), generations.get(stripe));
                return found;
            });
            return known[0];
        } finally {
            forgettingAll.readLock().unlock();
        }
    }

    /** Keeps what a read found, unless a write to that key was reported since {@code generation} was taken. */
    void keep(String key, long generation, Document document) {
        int stripe = stripe(key);
        // compute() holds the key's bin while it checks, so forget() of the same key cannot slip in between
        Found found = new Found(document, units(document));
        long[] change = {0};
        documents.compute(key, (k, old) -> {
            if (generations.get(stripe) != generation) {
                return old;
            }
            change[0] = found.units() - (old == null ? 0 : old.units());
            return found;
        });
        if (units.addAndGet(change[0]) > unitLimit || documents.size() > limit) {
            shrink();
        }
    }

    void forget(String key) {
        int stripe = stripe(key);
        Found[] old = {null};
        documents.compute(key, (k, found) -> { // the generation first, as keep() checks it
            generations.incrementAndGet(stripe);
            old[0] = found;
            return null;
        });
        if (old[0] != null) {
            units.addAndGet(-old[0].units());
        }
    }

    void forgetAll() {
        forgettingAll.writeLock().lock();
        try {
            for (int i = 0; i < STRIPES; i++) {
                generations.incrementAndGet(i);
            }
            documents.clear();
            units.set(0);
        } finally {
            forgettingAll.writeLock().unlock();
        }
    }

    int size() {
        return documents.size();
    }

    /** Drops documents (in hash order, which is as good as random here) until a tenth of the room is free. */
    private synchronized void shrink() {
        long held = 0;
        for (Found f : documents.values()) {
            held += f.units();
        }
        Iterator<Found> found = documents.values().iterator();
        while ((documents.size() > limit * 9 / 10 || held > unitLimit * 9 / 10) && found.hasNext()) {
            held -= found.next().units();
            found.remove();
        }
        units.set(held);
    }

    /** A document's size, counted as one unit per value, list element and embedded document, at any depth. */
    static int units(Object value) {
        if (value instanceof Map<?, ?> map) {
            int n = 1;
            for (Object v : map.values()) {
                n += units(v);
            }
            return n;
        }
        if (value instanceof List<?> list) {
            int n = 1;
            for (Object v : list) {
                n += units(v);
            }
            return n;
        }
        return 1;
    }

    private static int stripe(String key) {
        return key.hashCode() & (STRIPES - 1);
    }
}
