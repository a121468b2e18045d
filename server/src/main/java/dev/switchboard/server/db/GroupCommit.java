package dev.switchboard.server.db;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of the embedded file database: a write is applied under a shared lock, then waits
 * until one committer thread has made it durable. The committer seals what is pending under the
 * exclusive lock, so a commit never captures a half-applied write (a document without its index
 * keys), then makes it durable while writes go on; the writes that arrive meanwhile go together into
 * the next commit, which waits a moment for more when commits run back to back ({@link #GATHER_NANOS}).
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** How long a write waits for its commit before its command fails (the driver then reports an error). */
    static final Duration COMMIT_WAIT = Duration.ofSeconds(10);

    /** What makes the applied writes durable; runs only on the committer thread. */
    interface Store {
        /**
         * Called while no write is being applied: captures every write applied so far, and returns what
         * makes them durable, which runs once writes may go on again.
         */
        Runnable seal();
    }

    /**
     * While commits run back to back, the committer lets writes gather this long before it seals the next one: fewer,
     * fuller commits, as each {@code fdatasync} costs CPU whatever it carries (at 2,000 mixed events/s on two cores, about
     * 5 % less server CPU), for at most this much more latency. A write that finds the committer idle is committed at once.
     */
    static final long GATHER_NANOS = TimeUnit.MICROSECONDS.toNanos(1000);
    /** A commit that starts within this long of the previous one's end runs back to back with it. */
    static final long BACK_TO_BACK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Store store;
    /** Fair, so the committer is not starved by a steady stream of writes. */
    private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock(true);
    private final Lock state = new ReentrantLock();
    private final Condition pending = state.newCondition();
    private final Condition committed = state.newCondition();
    private final Thread committer;
    private long applied;
    private long durable;
    private long failedUpTo;
    private RuntimeException failure;
    private boolean closed;

    GroupCommit(Store store) {
        this.store = store;
        this.committer = new Thread(this::commitLoop, "embedded-db-committer");
        committer.setDaemon(true);
        committer.start();
    }

    /** A write started: it holds the shared lock until {@link #applied()}. */
    void beginWrite() {
        applying.readLock().lock();
    }

    /** The write is applied; returns its ticket for {@link #awaitDurable}. Releases the shared lock. */
    long applied() {
        state.lock();
        try {
            long ticket = ++applied;
            pending.signal();
            return ticket;
        } finally {
            state.unlock();
            applying.readLock().unlock();
        }
    }

    /** The write failed: releases the shared lock, nothing to wait for. */
    void abandoned() {
        applying.readLock().unlock();
    }

    /** Blocks until the write of that ticket is committed. @throws IllegalStateException when it cannot be */
    void awaitDurable(long ticket) {
        state.lock();
        try {
            long deadline = System.nanoTime() + COMMIT_WAIT.toNanos();
            while (durable < ticket) {
                if (failedUpTo >= ticket) {
                    throw new IllegalStateException("the embedded database could not commit this write to disk: "
                            + failure.getMessage(), failure);
                }
                if (closed) {
                    throw new IllegalStateException("the embedded database closed before this write was committed");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the embedded database did not commit this write within "
                            + COMMIT_WAIT.toSeconds() + " s");
                }
                committed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit of a write", e);
        } finally {
            state.unlock();
        }
    }

    /** Blocks until every write applied so far is committed (at once when none is pending). */
    void awaitApplied() {
        long upTo;
        state.lock();
        try {
            upTo = applied;
        } finally {
            state.unlock();
        }
        awaitDurable(upTo);
    }

    private void commitLoop() {
        long lastCommitEnd = System.nanoTime() - BACK_TO_BACK_NANOS;
        while (true) {
            state.lock();
            try {
                while (!somethingPending()) {
                    if (closed) {
                        return;
                    }
                    pending.await(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                state.unlock();
            }
            if (System.nanoTime() - lastCommitEnd < BACK_TO_BACK_NANOS) {
                gather();
            }
            commitOnce();
            lastCommitEnd = System.nanoTime();
        }
    }

    private static void gather() {
        long until = System.nanoTime() + GATHER_NANOS;
        for (long left = GATHER_NANOS; left > 0 && !Thread.currentThread().isInterrupted();
             left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Call with {@code state} held. */
    private boolean somethingPending() {
        return applied > Math.max(durable, failedUpTo);
    }

    private void commitOnce() {
        long target = 0;
        Runnable makeDurable = null;
        RuntimeException error = null;
        applying.writeLock().lock();
        try {
            state.lock();
            try {
                target = applied;
            } finally {
                state.unlock();
            }
            makeDurable = store.seal();
        } catch (RuntimeException e) {
            error = e;
        } finally {
            applying.writeLock().unlock();
        }
        if (error == null) {
            try {
                makeDurable.run();
            } catch (RuntimeException e) {
                error = e;
            }
        }
        if (error != null) {
            LOG.error("embedded database commit failed: {}", error.toString(), error);
        }
        state.lock();
        try {
            if (error == null) {
                durable = Math.max(durable, target);
            } else {
                failure = error;
                failedUpTo = Math.max(failedUpTo, target);
            }
            committed.signalAll();
        } finally {
            state.unlock();
        }
    }

    /** Commits what is pending, then stops the committer. */
    @Override
    public void close() {
        state.lock();
        try {
            closed = true;
            pending.signalAll();
        } finally {
            state.unlock();
        }
        try {
            committer.join(COMMIT_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
