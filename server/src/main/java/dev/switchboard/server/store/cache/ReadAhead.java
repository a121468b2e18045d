package dev.switchboard.server.store.cache;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collections that a bulk write has just filled (a seed writes its documents 500 to a command), to be read whole
 * into the cache once bulk writes have stopped for {@link #QUIET_MILLIS}: the users a seed wrote then connect to
 * a cache that holds them, instead of the first of them each waiting for a read of a collection, under a JIT that
 * has not compiled the driver's decoding yet. One background thread reads them, one collection after the other,
 * and only while bulk writes stay quiet, so it never competes with the seed itself.
 */
final class ReadAhead implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadAhead.class);

    /** Documents one write command must name to count as a bulk write; the server's own writes name a few. */
    static final int BULK_KEYS = 100;
    /** How long bulk writes must have stopped before a collection is read. */
    static final long QUIET_MILLIS = 300;

    private final Consumer<String> readWhole;
    private final Set<String> due = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastBulkWrite = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cache-read-ahead");
        t.setDaemon(true);
        return t;
    });

    /** @param readWhole reads the collection of that name whole into the cache, if it is still due */
    ReadAhead(Consumer<String> readWhole) {
        this.readWhole = readWhole;
    }

    /** A write command named {@code documents} documents of that collection; called before its reply leaves. */
    void written(String collection, int documents) {
        if (documents < BULK_KEYS) {
            return;
        }
        lastBulkWrite.set(System.nanoTime());
        due.add(collection);
        if (scheduled.compareAndSet(false, true)) {
            schedule(QUIET_MILLIS);
        }
    }

    private void schedule(long millis) {
        try {
            thread.schedule(this::readWhenQuiet, millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            scheduled.set(false);
        }
    }

    private void readWhenQuiet() {
        for (String collection : due) {
            long quietFor = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastBulkWrite.get());
            if (quietFor < QUIET_MILLIS) {
                schedule(QUIET_MILLIS - quietFor);
                return;
            }
            due.remove(collection);
            try {
                readWhole.accept(collection);
            } catch (RuntimeException e) {
                LOG.info("could not read {} ahead into the cache: {}", collection, e.toString());
            }
        }
        scheduled.set(false);
        if (!due.isEmpty() && scheduled.compareAndSet(false, true)) { // a bulk write came in as it finished
            schedule(QUIET_MILLIS);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
