package dev.switchboard.server.admin.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import dev.switchboard.protocol.reply.ReplyStatus;
import dev.switchboard.server.json.JsonOut;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Count, failures and latency of every listener of the main namespace on this node. One counter per
 * catalog event plus one for every name the server has no listener for, so a client sending made-up
 * names cannot grow it.
 */
public final class EventStats {

    /** Where calls of events outside the catalog are counted. */
    public static final String UNKNOWN = "(no listener)";

    private final Map<String, Counter> counters = new LinkedHashMap<>();

    public EventStats() {
        for (EventSpec spec : EventCatalog.listeners(EventCatalog.MAIN)) {
            counters.put(spec.name(), new Counter());
        }
        counters.put(UNKNOWN, new Counter());
    }

    public void record(String event, ReplyStatus status, long durationNanos) {
        Counter counter = counters.get(event);
        if (counter == null) {
            counter = counters.get(UNKNOWN);
        }
        counter.calls.increment();
        if (status != ReplyStatus.OK) {
            counter.errors.increment();
        }
        counter.latency.record(durationNanos);
    }

    /** {@code { NAME: { count, errors, p50_ms, p99_ms } }} for every event called at least once. */
    public ObjectNode toJson() {
        ObjectNode events = JsonOut.object();
        counters.forEach((name, counter) -> {
            long count = counter.calls.sum();
            if (count == 0) {
                return;
            }
            ObjectNode entry = events.putObject(name);
            entry.put("count", count);
            entry.put("errors", counter.errors.sum());
            entry.put("p50_ms", counter.latency.percentileMillis(50));
            entry.put("p99_ms", counter.latency.percentileMillis(99));
        });
        return events;
    }

    private static final class Counter {
        final LongAdder calls = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LatencyHistogram latency = new LatencyHistogram();
    }
}
