package dev.switchboard.console.tokens;

import java.time.Duration;

/** How long a signed token lives: forever, some minutes, or already expired (for testing rejection). */
public record Expiry(Kind kind, long minutes) {

    public enum Kind { NONE, MINUTES, EXPIRED }

    public static Expiry none() {
        return new Expiry(Kind.NONE, 0);
    }

    public static Expiry minutes(long minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("the expiry must be at least 1 minute, not " + minutes);
        }
        return new Expiry(Kind.MINUTES, minutes);
    }

    public static Expiry expired() {
        return new Expiry(Kind.EXPIRED, 0);
    }

    /** The time to live for {@code Jwt.sign}: null for none, negative for already expired. */
    public Duration ttl() {
        return switch (kind) {
            case NONE -> null;
            case MINUTES -> Duration.ofMinutes(minutes);
            case EXPIRED -> Duration.ofMinutes(-5);
        };
    }
}
