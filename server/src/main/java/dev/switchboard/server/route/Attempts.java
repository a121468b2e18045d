package dev.switchboard.server.route;

import dev.switchboard.server.security.AttemptLimit;

/** The 429 of the rate-limited routes. */
final class Attempts {

    private Attempts() {
    }

    /** @throws RouteException 429 with {@code Retry-After} when {@code key} is over its limit */
    static void take(AttemptLimit limit, String key, String what) throws RouteException {
        long wait = limit.take(key);
        if (wait > 0) {
            throw RouteException.rateLimited(what, wait);
        }
    }
}
