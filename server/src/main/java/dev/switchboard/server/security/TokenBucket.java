package dev.switchboard.server.security;

/** {@code burst} tokens, refilled at {@code perSecond}; each admitted attempt takes one. */
final class TokenBucket {

    private final double burst;
    private final double perSecond;
    private double tokens;
    private long last;

    TokenBucket(double burst, double perSecond, long nowNanos) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.tokens = burst;
        this.last = nowNanos;
    }

    /** Zero when admitted (a token was taken); otherwise the milliseconds until one is there. */
    synchronized long take(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond * 1000));
    }

    /** True when the bucket is full again, i.e. it remembers nothing worth keeping. */
    synchronized boolean full(long nowNanos) {
        refill(nowNanos);
        return tokens >= burst;
    }

    private void refill(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - last) / 1e9 * perSecond);
        last = nowNanos;
    }
}
