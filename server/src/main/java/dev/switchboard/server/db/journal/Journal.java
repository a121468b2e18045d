package dev.switchboard.server.db.journal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes applied since the last commit, on their way to the {@link JournalFile}. Collections
 * {@link #record} each change as they apply it; the committer {@link #seal}s them, with no write half-applied,
 * and then appends and forces them while writes go on.
 *
 * <p>When the file has grown well past what it holds, it is rewritten without stopping writes: a background
 * thread writes every document to a new file, collection by collection, while the changes go on being appended
 * to the old one; then the committer copies what was appended since the rewrite began onto the new file and
 * puts it in the old one's place. Some documents in the new file may already be newer than where the copied
 * tail starts; replaying the tail over them still ends with each document as it was last written.
 */
final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final int BATCH_BYTES = 64 * 1024;
    /** A journal this small is never worth rewriting while the server runs. */
    static final long REWRITE_FLOOR_BYTES = 64L << 20;
    /** The journal is rewritten once it is this many times the size of its last rewrite. */
    private static final int REWRITE_GROWTH = 4;

    private final JournalFile file;
    private final long rewriteFloorBytes;
    /** Writes every stored document, as records, to the consumer given; for a rewrite. */
    private final Consumer<RecordSink> documents;
    private ByteBuf pending = Unpooled.buffer(BATCH_BYTES);
    /** A batch whose append failed, written before the next one. Committer thread only, as are the fields below. */
    private ByteBuf unwritten;
    private long sizeAfterRewrite;
    private Rewrite rewrite;
    private boolean closing;

    Journal(JournalFile file, Consumer<RecordSink> documents, long rewriteFloorBytes) {
        this.file = file;
        this.rewriteFloorBytes = rewriteFloorBytes;
        this.documents = documents;
        this.sizeAfterRewrite = file.size();
    }

    /** Notes a change just applied; called by a collection while it holds its own lock. */
    synchronized void record(JournalRecord change) {
        change.writeTo(pending);
    }

    /**
     * Takes every change recorded so far; call it while no write is being applied. Returns what makes them
     * durable, to run on the same thread once writes may go on again.
     */
    Runnable seal() {
        ByteBuf batch;
        synchronized (this) {
            batch = pending;
            pending = Unpooled.buffer(BATCH_BYTES);
        }
        if (unwritten != null) {
            batch = Unpooled.wrappedBuffer(unwritten, batch);
            unwritten = null;
        }
        ByteBuf sealed = batch;
        return () -> {
            finishRewriteIfWritten();
            append(sealed);
            startRewriteIfDue();
        };
    }

    private void append(ByteBuf batch) {
        if (!batch.isReadable()) {
            batch.release();
            return;
        }
        try {
            file.append(batch);
            batch.release();
        } catch (RuntimeException e) {
            unwritten = batch;
            throw e;
        }
    }

    private void startRewriteIfDue() {
        long size = file.size();
        if (rewrite == null && !closing && size > rewriteFloorBytes && size > REWRITE_GROWTH * sizeAfterRewrite) {
            rewrite = new Rewrite(size);
        }
    }

    private void finishRewriteIfWritten() {
        if (rewrite == null || !rewrite.done()) {
            return;
        }
        Rewrite finished = rewrite;
        rewrite = null;
        long before = file.size();
        try {
            if (finished.failure != null) {
                throw finished.failure;
            }
            file.replaceWith(finished.copiedUpTo);
            LOG.info("rewrote the database journal {}: {} KB to {} KB in {} ms, writes going on", file.path(),
                    before / 1024, file.size() / 1024, (System.nanoTime() - finished.started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("could not rewrite the database journal {}; it goes on growing: {}", file.path(), e.toString(), e);
            deleteQuietly();
        } finally {
            sizeAfterRewrite = file.size(); // after a failure too, so that the next attempt waits for as much growth
        }
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(file.next());
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", file.next(), e.toString());
        }
    }

    /** Rewrites the file from the documents as they are now; call it while no write is being applied. */
    void rewrite() {
        long before = file.size();
        long started = System.nanoTime();
        file.rewrite(documents);
        sizeAfterRewrite = file.size();
        LOG.info("rewrote the database journal {}: {} KB to {} KB in {} ms", file.path(), before / 1024,
                sizeAfterRewrite / 1024, (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes what is still pending, lets a rewrite under way finish, and closes the file. */
    @Override
    public void close() {
        closing = true;
        try {
            if (rewrite != null) {
                rewrite.awaitDone();
            }
            seal().run();
        } finally {
            file.close();
        }
    }

    /**
     * Every document written to {@link JournalFile#next()} by a thread of its own, then what was appended
     * meanwhile, so that the committer has only the last few appends to copy. It works at most about a third of
     * the time, pausing between chunks, so that it does not take a core away from the writes it runs beside.
     */
    private final class Rewrite {

        /** At most this share of the time working: it pauses twice as long as it worked. */
        private static final int PAUSE_PER_WORK = 2;
        private static final long WORK_NANOS = 2_000_000;

        /** The size of the file when the rewrite began: what was appended after it is copied onto the new file. */
        final long tailFrom;
        final long started = System.nanoTime();
        private final Thread thread;
        private volatile boolean done;
        volatile RuntimeException failure;
        /** How far the appends are copied onto the new file once {@link #done}. */
        volatile long copiedUpTo;
        private long workingSince = System.nanoTime();

        Rewrite(long tailFrom) {
            this.tailFrom = tailFrom;
            this.copiedUpTo = tailFrom;
            this.thread = new Thread(this::run, "embedded-db-journal-rewrite");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                JournalFile.writeForced(file.next(), documents, this::pace);
                copiedUpTo = file.copyTail(tailFrom);
            } catch (IOException e) {
                failure = new UncheckedIOException(e);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                done = true;
            }
        }

        private void pace() {
            long worked = System.nanoTime() - workingSince;
            if (worked < WORK_NANOS) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, worked * PAUSE_PER_WORK / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workingSince = System.nanoTime();
        }

        boolean done() {
            return done;
        }

        void awaitDone() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
