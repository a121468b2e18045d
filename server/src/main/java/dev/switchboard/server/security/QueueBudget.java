package dev.switchboard.server.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load shedding by waiting time. Every event waits for a worker of the pool (behind the socket's earlier events
 * and everybody else's); while the server keeps up that wait is a few milliseconds. When waits stay over the
 * budget for a while (not one stall: {@link #SUSTAINED} budgets in a row) the server is over capacity: running
 * such an event would only make every later one wait longer, and its ack would come too late to be useful. So
 * it is answered {@code unavailable} at once, which costs microseconds, and the workers go on with fresher
 * events: the server keeps completing its peak rate and the excess learns so quickly instead of timing out.
 * The first event that waited within the budget ends the episode.
 */
public final class QueueBudget {

    /** How many budgets in a row waits must exceed the budget before events are shed. */
    static final int SUSTAINED = 3;

    private final long budgetNanos;
    private final long retryAfterMillis;
    /** {@link System#nanoTime()} when waits went over the budget; 0 while they are within it. */
    private final AtomicLong overSince = new AtomicLong();

    public QueueBudget(Duration budget) {
        this.budgetNanos = budget.toNanos();
        // by then the backlog that made this event wait has been worked off or shed
        this.retryAfterMillis = Math.max(100, 2 * budget.toMillis());
    }

    /** True when an event that waited this long, seen at {@code nowNanos}, must not run. */
    public boolean shed(Duration waited, long nowNanos) {
        if (waited.toNanos() <= budgetNanos) {
            overSince.set(0);
            return false;
        }
        long since = overSince.get();
        if (since == 0) {
            overSince.compareAndSet(0, nowNanos);
            return false;
        }
        return nowNanos - since >= SUSTAINED * budgetNanos;
    }

    /** The hint sent with {@code unavailable}. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
