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
 *
 * <p>Once an episode has proved the server saturated, new events are also judged as they arrive
 * ({@link #refuseOnArrival}): the rate at which the workers have lately been starting events is then the server's
 * capacity (or the rate when the overload began, if that was higher: the workers then were all busy), so the
 * events already waiting tell how long a newcomer would wait (Little's law). One that would wait
 * longer than half the budget is refused at once, before it queues: the excess is answered in microseconds, and
 * the queue stays short enough that what is let in runs well within the budget. The overload ends when no
 * arrival has been refused for {@link #CALM_BUDGETS} budgets.
 */
public final class QueueBudget {

    /** How many budgets over-budget waits must go on before events are shed. */
    static final int SUSTAINED = 3;

    /** How many budgets without a refusal on arrival end the overload. */
    static final int CALM_BUDGETS = 10;

    private final long budgetNanos;
    private final long retryAfterMillis;
    /** Events that ran (were not shed), by when they started: the server's capacity while it is saturated. */
    private final RecentRate runs;
    /** Whether an episode has proved the server saturated, so arrivals are judged too. */
    private volatile boolean overloaded;
    /**
     * The rate events ran at when the overload began, with every worker busy. Later, once arrivals are refused, the
     * rate can fall to what is let in, far under the capacity; judging by it alone refused ever more, down to all.
     */
    private volatile double capacityAtOverload;
    /** {@link System#nanoTime()} of the latest refusal on arrival, or of the start of the overload. */
    private volatile long lastRefusal;
    /** {@link System#nanoTime()} when the current episode of over-budget waits began. */
    private final AtomicLong overSince = new AtomicLong();
    /** {@link System#nanoTime()} of the latest over-budget wait; 0 before the first. */
    private final AtomicLong lastOver = new AtomicLong();

    public QueueBudget(Duration budget) {
        this.budgetNanos = budget.toNanos();
        // by then the backlog that made this event wait has been worked off or shed
        this.retryAfterMillis = Math.max(100, 2 * budget.toMillis());
        this.runs = new RecentRate(Math.max(1, budgetNanos / 4));
    }

    /** True when an event that waited this long, seen at {@code nowNanos} as a worker starts it, must not run. */
    public boolean shed(Duration waited, long nowNanos) {
        boolean shed = overBudgetForLong(waited.toNanos(), nowNanos);
        if (shed) {
            if (!overloaded) {
                capacityAtOverload = runs.perSecond(nowNanos);
                lastRefusal = nowNanos;
                overloaded = true;
            }
        } else {
            runs.record(nowNanos);
        }
        return shed;
    }

    private boolean overBudgetForLong(long waitedNanos, long nowNanos) {
        if (waitedNanos <= budgetNanos) {
            return false;
        }
        long previous = lastOver.getAndSet(nowNanos);
        if (previous == 0 || nowNanos - previous > budgetNanos) {
            overSince.set(nowNanos); // the first over-budget wait after a calm: a new episode
            return false;
        }
        return nowNanos - overSince.get() >= SUSTAINED * budgetNanos;
    }

    /**
     * True when an event arriving at {@code nowNanos}, with {@code waiting} events queued before it, must be refused
     * before it queues: the server is saturated and it would wait more than half the budget.
     */
    public boolean refuseOnArrival(int waiting, long nowNanos) {
        if (!overloaded) {
            return false;
        }
        if (nowNanos - lastRefusal > CALM_BUDGETS * budgetNanos) {
            overloaded = false; // arrivals have fitted for a while (or stopped): the load fell under capacity
            return false;
        }
        if (waiting == 0) {
            return false; // nothing ahead of it
        }
        double capacity = Math.max(runs.perSecond(nowNanos), capacityAtOverload);
        if (capacity <= 0 || waiting / capacity * 1e9 > budgetNanos / 2.0) {
            lastRefusal = nowNanos;
            return true;
        }
        return false;
    }

    /** The hint sent with {@code unavailable}. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
