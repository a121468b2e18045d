package dev.switchboard.server.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load shedding by waiting time. Every event waits for a worker of the pool (behind the socket's earlier events
 * and everybody else's); while the server keeps up that wait is a few milliseconds. When events keep waiting over
 * the budget for a while (not one stall: {@link #SUSTAINED} budgets) the server is over capacity: running such an
 * event would only make every later one wait longer, and its ack would come too late to be useful. So it is
 * answered {@code unavailable} at once, which costs microseconds, and the workers go on with fresher events: the
 * server keeps completing its peak rate, waits stay near the budget, and the excess learns so quickly instead of
 * timing out.
 *
 * <p>An episode lasts while over-budget events keep coming, each within one budget of the last. Events that
 * waited less neither end it nor are shed: under overload the queue hovers around the budget, so short and long
 * waits interleave, and ending the episode on every short one let the backlog grow to seconds.
 */
public final class QueueBudget {

    /** How many budgets over-budget waits must go on before events are shed. */
    static final int SUSTAINED = 3;

    private final long budgetNanos;
    private final long retryAfterMillis;
    /** {@link System#nanoTime()} when the current episode of over-budget waits began. */
    private final AtomicLong overSince = new AtomicLong();
    /** {@link System#nanoTime()} of the latest over-budget wait; 0 before the first. */
    private final AtomicLong lastOver = new AtomicLong();

    public QueueBudget(Duration budget) {
        this.budgetNanos = budget.toNanos();
        // by then the backlog that made this event wait has been worked off or shed
        this.retryAfterMillis = Math.max(100, 2 * budget.toMillis());
    }

    /** True when an event that waited this long, seen at {@code nowNanos}, must not run. */
    public boolean shed(Duration waited, long nowNanos) {
        if (waited.toNanos() <= budgetNanos) {
            return false;
        }
        long previous = lastOver.getAndSet(nowNanos);
        if (previous == 0 || nowNanos - previous > budgetNanos) {
            overSince.set(nowNanos); // the first over-budget wait after a calm: a new episode
            return false;
        }
        return nowNanos - overSince.get() >= SUSTAINED * budgetNanos;
    }

    /** The hint sent with {@code unavailable}. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
