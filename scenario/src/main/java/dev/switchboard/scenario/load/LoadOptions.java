package dev.switchboard.scenario.load;

import java.time.Duration;

/**
 * A load run's shape, like one Artillery phase: a new virtual user every {@code 1/arrivalPerSecond} s
 * during {@code duration}, at most {@code vus} running at once (arrivals beyond that are counted as
 * dropped, not queued, so the offered rate stays honest).
 */
public record LoadOptions(int vus, double arrivalPerSecond, Duration duration) {

    public static final int MAX_VUS = 2000;

    public LoadOptions {
        if (vus < 1 || vus > MAX_VUS) {
            // each virtual user is a thread with its own sockets: beyond this, spread the load over machines
            throw new IllegalArgumentException("--vus must be from 1 to " + MAX_VUS);
        }
        if (!(arrivalPerSecond > 0) || arrivalPerSecond > 10_000) {
            throw new IllegalArgumentException("--arrival must be a rate above 0 and at most 10000 per second");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive");
        }
    }
}
