package dev.switchboard.server.db.journal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changes applied since the last commit, on their way to the {@link JournalFile}. Collections
 * {@link #record} each change as they apply it; the committer {@link #seal}s them, with no write half-applied,
 * and then appends and forces them outside that pause. When the file has grown well past what it holds, a
 * seal rewrites it from the documents instead (a compaction, under the same pause).
 */
final class Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final int BATCH_BYTES = 64 * 1024;
    /** A journal this small is never worth rewriting while the server runs. */
    private static final long REWRITE_FLOOR_BYTES = 64L << 20;
    /** The journal is rewritten once it is this many times the size of its last rewrite. */
    private static final int REWRITE_GROWTH = 4;

    private final JournalFile file;
    /** Writes every stored document, as records, to the consumer given; for a rewrite. */
    private final Consumer<Consumer<JournalRecord>> documents;
    private ByteBuf pending = Unpooled.buffer(BATCH_BYTES);
    /** A batch whose append failed, written before the next one; touched by the committer only. */
    private ByteBuf unwritten;
    private long sizeAfterRewrite;

    Journal(JournalFile file, Consumer<Consumer<JournalRecord>> documents) {
        this.file = file;
        this.documents = documents;
        this.sizeAfterRewrite = file.size();
    }

    /** Notes a change just applied; called by a collection while it holds its own lock. */
    synchronized void record(JournalRecord change) {
        change.writeTo(pending);
    }

    /**
     * Takes every change recorded so far; call it while no write is being applied. Returns what makes them
     * durable, to run once writes may go on again; when the journal is due for a rewrite, that happens here.
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
        if (dueForRewrite(batch.readableBytes())) {
            try {
                rewrite();
            } catch (RuntimeException e) {
                unwritten = batch;
                throw e;
            }
            batch.release();
            return () -> { };
        }
        ByteBuf sealed = batch;
        return () -> append(sealed);
    }

    private boolean dueForRewrite(int appending) {
        long size = file.size() + appending;
        return size > REWRITE_FLOOR_BYTES && size > REWRITE_GROWTH * sizeAfterRewrite;
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

    /** Rewrites the file from the documents as they are now; call it while no write is being applied. */
    void rewrite() {
        long before = file.size();
        long started = System.nanoTime();
        file.rewrite(documents);
        sizeAfterRewrite = file.size();
        LOG.info("rewrote the database journal {}: {} KB to {} KB in {} ms", file.path(), before / 1024,
                sizeAfterRewrite / 1024, (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes what is still pending (nothing, after the committer's last commit) and closes the file. */
    @Override
    public void close() {
        try {
            seal().run();
        } finally {
            file.close();
        }
    }
}
