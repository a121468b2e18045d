package dev.switchboard.bench.result;

import java.util.Map;

/**
 * Calls of one event sent in a window: answered calls by reply status ({@code ok}, {@code unavailable},
 * any other the server sends), calls not answered within the ack timeout, and the ack latency.
 */
public record EventFigures(long answered, Map<String, Long> statuses, long timeouts, double p50Ms, double p99Ms,
                           double maxMs) {

    public long notOk() {
        return answered - statuses.getOrDefault("ok", 0L);
    }
}
