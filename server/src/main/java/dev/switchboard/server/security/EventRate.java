package dev.switchboard.server.security;

import dev.switchboard.engine.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The per-socket event rate: a token bucket of {@code burst} events, refilled at {@code perSecond}.
 * An event over the rate is answered {@code rate_limited}; the socket stays connected.
 */
public final class EventRate {

    private final int perSecond;
    private final int burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public EventRate(int perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    EventRate(int perSecond, int burst, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** A refusal: how long until the next event would be admitted. */
    public record Refusal(long retryAfterMillis, boolean firstOfRun) {
    }

    /** Null when the event may run; otherwise the refusal. */
    public Refusal take(Socket socket) {
        Bucket bucket = buckets.computeIfAbsent(socket.id(), id -> {
            socket.onDisconnect((s, reason) -> buckets.remove(id));
            return new Bucket(nanos.getAsLong());
        });
        return bucket.take(nanos.getAsLong());
    }

    /** The sentence of a {@code rate_limited} reply. */
    public String describe(Refusal refusal) {
        return "more than " + perSecond + " events a second (bursts of " + burst + ") from this connection;"
                + " wait " + refusal.retryAfterMillis() + " ms and send again";
    }

    private final class Bucket {
        private final TokenBucket tokens;
        private int refusedInARow;

        Bucket(long now) {
            this.tokens = new TokenBucket(burst, perSecond, now);
        }

        synchronized Refusal take(long now) {
            long wait = tokens.take(now);
            if (wait == 0) {
                refusedInARow = 0;
                return null;
            }
            refusedInARow++;
            return new Refusal(wait, refusedInARow == 1);
        }
    }
}
