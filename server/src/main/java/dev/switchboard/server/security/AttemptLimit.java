package dev.switchboard.server.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How often one key (an account, an address) may try something: {@code burst} attempts at once, then
 * one per {@code refillEvery}. Keys whose bucket is full again are forgotten, so memory follows the
 * keys that are actually being limited.
 */
public final class AttemptLimit {

    /** The rate of one kind of key. */
    public record Rate(int burst, Duration refillEvery) {
        public Rate {
            if (burst < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
                throw new IllegalArgumentException("an attempt rate needs a burst of at least 1 and a positive refill");
            }
        }
    }

    private static final int SWEEP_ABOVE = 10_000;

    private final Rate rate;
    private final LongSupplier nanos;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public AttemptLimit(Rate rate) {
        this(rate, System::nanoTime);
    }

    AttemptLimit(Rate rate, LongSupplier nanos) {
        this.rate = rate;
        this.nanos = nanos;
    }

    /** Zero when this attempt of {@code key} may go ahead; otherwise the milliseconds to wait. */
    public long take(String key) {
        long now = nanos.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> b.full(now));
        }
        double perSecond = 1e9 / rate.refillEvery().toNanos();
        return buckets.computeIfAbsent(key, k -> new TokenBucket(rate.burst(), perSecond, now)).take(now);
    }
}
