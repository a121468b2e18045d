package dev.switchboard.server.store.derived;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises, on this node, the writes that change one key's source and then the derived documents that mirror
 * it (a user's {@code following} and the followed user's {@code followers} entry, say). Without it two
 * concurrent toggles of the same user can apply their source updates in one order and their derived updates in
 * the other, leaving a follower entry for a follow that is gone. Striped: a fixed number of locks, chosen by
 * the key's hash, so memory does not grow with the users.
 */
public final class KeyedLocks {

    private final ReentrantLock[] stripes;

    public KeyedLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    public <T> T with(Object key, Supplier<T> write) {
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A jittered pause before trying again a conditional write that another node's write beat: it grows with the
     * attempts (up to about 128 ms) so that the writers drift apart and a gap opens.
     */
    public static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to write again", e);
        }
    }
}
