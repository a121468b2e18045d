package dev.switchboard.server.store.cache;

import dev.switchboard.server.db.WrittenDocuments;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.bson.Document;

/**
 * The cached documents of one collection, by {@code _id} key, with known absences. A read that missed
 * notes the generation of its key before it asks the database, and keeps what it read only if no write
 * to that key was reported meanwhile: a reply read before a write never overwrites the write's news.
 *
 * <p>A small collection can be held whole ({@link #beginFill}): a key the shelf does not hold is then absent,
 * unless a write to it was reported since and nobody read it again ({@code unsure}).
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
    /** What {@link #get} answers for a key the database does not have. */
    private static final Found ABSENT = new Found(null, 0);
    /** Misses before {@link #fillDue} decides: a collection read once or twice is not worth reading whole. */
    static final int MISSES_BEFORE_DECIDING = 16;
    /** The fewest keys written since a fill that make the shelf stop answering absences (more on a large shelf). */
    private static final int UNSURE_BEFORE_NOT_WHOLE = 16;

    private final int limit;
    private final long unitLimit;
    private final Map<String, Found> documents = new ConcurrentHashMap<>();
    /** Roughly the units held; only decides when to {@link #shrink}, which counts them exactly. */
    private final AtomicLong units = new AtomicLong();
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);
    /** {@link #known} never runs while {@link #forgetAll} is half done (its generations moved on, its documents still here). */
    private final ReadWriteLock forgettingAll = new ReentrantReadWriteLock();
    /** Every document of the collection is held, except the {@code unsure} keys: any other key is absent. */
    private volatile boolean whole;
    /** Set while a whole read runs: the keys written meanwhile go to {@code unsure}, as when whole. */
    private volatile boolean filling;
    /** Keys written since the shelf was filled and not read since: only the database knows them. */
    private final Set<String> unsure = ConcurrentHashMap.newKeySet();
    private final AtomicInteger misses = new AtomicInteger();
    /**
     * Whether to read the collection whole is decided once, until everything is forgotten: a shelf emptied by writes
     * one key at a time is read back by key, spread over the reads that ask, not whole in the middle of the traffic.
     */
    private volatile boolean fillDecided;
    /** Held by the one caller {@link #fillDue} told to fill, until {@link #fillEnded}. */
    private final AtomicBoolean fillRunning = new AtomicBoolean();
    /** Moves on whenever documents go untracked ({@link #shrink}, {@link #forgetAll}), so a fill running then knows it. */
    private volatile long dropped;

    Shelf(int limit, long unitLimit) {
        this.limit = limit;
        this.unitLimit = unitLimit;
    }

    /** What the shelf knows of that key: its document, {@code Found(null)} when absent, null when only the database knows. */
    Found get(String key) {
        Found found = documents.get(key);
        if (found != null) {
            return found;
        }
        // whole is read after the map: shrink() and forgetAll() clear it before they drop anything
        return whole && !unsure.contains(key) ? ABSENT : null;
    }

    /** Whether the shelf holds the whole collection (but for keys written since and not read again). */
    boolean whole() {
        return whole;
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

    /**
     * Keeps what a read found, unless a write to that key was reported since {@code generation} was taken; true
     * when kept.
     */
    boolean keep(String key, long generation, Document document) {
        int stripe = stripe(key);
        // compute() holds the key's bin while it checks, so forget() of the same key cannot slip in between
        Found found = new Found(document, units(document));
        long[] change = {0};
        boolean[] kept = {false};
        documents.compute(key, (k, old) -> {
            if (generations.get(stripe) != generation) {
                return old;
            }
            unsure.remove(key);
            change[0] = found.units() - (old == null ? 0 : old.units());
            kept[0] = true;
            return found;
        });
        if (units.addAndGet(change[0]) > unitLimit || documents.size() > limit) {
            shrink();
        }
        return kept[0];
    }

    void forget(String key) {
        int stripe = stripe(key);
        Found[] old = {null};
        boolean tracked = whole || filling;
        if (tracked) {
            unsure.add(key); // before the document goes, so get() never sees neither
        }
        documents.compute(key, (k, found) -> { // the generation first, as keep() checks it
            generations.incrementAndGet(stripe);
            if (tracked) {
                unsure.add(key); // again: a keep() of an older read may have taken it out in between
            }
            old[0] = found;
            return null;
        });
        if (old[0] != null) {
            units.addAndGet(-old[0].units());
        }
        if (tracked && unsure.size() > Math.max(UNSURE_BEFORE_NOT_WHOLE, documents.size() / 4)) {
            whole = false; // mostly written since: unsure keys cost memory, and keyed reads serve them as well
        }
    }

    void forgetAll() {
        forgettingAll.writeLock().lock();
        try {
            whole = false;
            fillDecided = false;
            misses.set(0);
            dropped++;
            for (int i = 0; i < STRIPES; i++) {
                generations.incrementAndGet(i);
            }
            documents.clear();
            unsure.clear();
            units.set(0);
        } finally {
            forgettingAll.writeLock().unlock();
        }
    }

    /**
     * Counts {@code count} keys the shelf could not answer; true when this caller should now decide whether to read
     * the collection whole, and do it ({@link #beginFill}). Only one caller is told so between two {@link #forgetAll}s,
     * unless it could not decide ({@link #fillEnded}), and it must call {@link #fillEnded}.
     */
    boolean fillDue(int count) {
        if (fillDecided || misses.addAndGet(count) < MISSES_BEFORE_DECIDING || !fillRunning.compareAndSet(false, true)) {
            return false;
        }
        if (fillDecided) { // decided by another caller between the first check and the claim
            fillRunning.set(false);
            return false;
        }
        fillDecided = true;
        return true;
    }

    /**
     * Begins holding the whole collection: call before the read of every document is sent, hand each document read
     * to {@link Fill#add}, then {@link Fill#end}.
     */
    Fill beginFill() {
        unsure.clear();
        filling = true;
        long[] before = new long[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            before[i] = generations.get(i);
        }
        return new Fill(before, dropped);
    }

    /** One read of the whole collection into the shelf; the generations are those from before the read was sent. */
    final class Fill {

        private final long[] generationsBefore;
        private final long droppedBefore;

        private Fill(long[] generationsBefore, long droppedBefore) {
            this.generationsBefore = generationsBefore;
            this.droppedBefore = droppedBefore;
        }

        /** Keeps one document read; false for an {@code _id} of a kind not kept by key: such a collection is never whole. */
        boolean add(Document document) {
            String key = WrittenDocuments.key(document.get("_id"));
            if (key == null) {
                return false;
            }
            if (!keep(key, generationsBefore[stripe(key)], document)) {
                unsure.add(key); // written since the read was sent: the database knows better
            }
            return true;
        }

        /**
         * Ends the fill; with {@code readAll}, every document was added, and unless documents were dropped meanwhile
         * (for room, or by a write to any of them), the shelf now answers any other key as absent. True when it does.
         */
        boolean end(boolean readAll) {
            try {
                if (readAll && dropped == droppedBefore) {
                    whole = true;
                }
                return whole;
            } finally {
                filling = false;
            }
        }
    }

    /**
     * After a {@link #fillDue} that said yes; {@code decided} false when the database could not be asked, so the
     * question stays open for the next misses.
     */
    void fillEnded(boolean decided) {
        if (!decided) {
            misses.set(0);
            fillDecided = false;
        }
        fillRunning.set(false);
    }

    int size() {
        return documents.size();
    }

    /** How many documents the shelf holds (not counting known absences). */
    int present() {
        int n = 0;
        for (Found f : documents.values()) {
            if (f.document() != null) {
                n++;
            }
        }
        return n;
    }

    /** Drops documents (in hash order, which is as good as random here) until a tenth of the room is free. */
    private synchronized void shrink() {
        whole = false; // before anything goes, as get() reads the map first
        dropped++;
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

    static int stripe(String key) {
        return key.hashCode() & (STRIPES - 1);
    }
}
