package dev.switchboard.server.security;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many times a second something happened lately: counts in a ring of short slots, the rate from the slots
 * completed in the last {@code SLOTS - 1} of them. Lock-free; a count that races a slot's reuse may be lost, which
 * an estimate can afford.
 */
final class RecentRate {

    private static final int SLOTS = 10;

    private final long slotNanos;
    /** The slot number (time / slot length) each cell counts. */
    private final AtomicLongArray slotOf = new AtomicLongArray(SLOTS);
    private final AtomicLongArray counts = new AtomicLongArray(SLOTS);

    RecentRate(long slotNanos) {
        this.slotNanos = slotNanos;
        for (int i = 0; i < SLOTS; i++) {
            slotOf.set(i, Long.MIN_VALUE);
        }
    }

    void record(long nowNanos) {
        long slot = Math.floorDiv(nowNanos, slotNanos);
        int cell = Math.floorMod(slot, SLOTS);
        long held = slotOf.get(cell);
        if (held != slot && slotOf.compareAndSet(cell, held, slot)) {
            counts.set(cell, 0);
        }
        counts.incrementAndGet(cell);
    }

    double perSecond(long nowNanos) {
        long current = Math.floorDiv(nowNanos, slotNanos);
        long sum = 0;
        for (int back = 1; back < SLOTS; back++) {
            long slot = current - back;
            int cell = Math.floorMod(slot, SLOTS);
            if (slotOf.get(cell) == slot) {
                sum += counts.get(cell);
            }
        }
        return sum * 1e9 / ((SLOTS - 1) * (double) slotNanos);
    }
}
