package dev.switchboard.server.admin.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import dev.switchboard.protocol.reply.ReplyStatus;
import dev.switchboard.server.json.JsonOut;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Count, failures and latency of every listener of the main namespace on this node ({@link #summarize}
 * adds up those of several nodes). One counter per
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

    /**
     * This node's counters as they travel to the node that adds them up:
     * {@code { NAME: { count, errors, buckets: [latency bucket counts] } }} for every event called at least once.
     */
    public ObjectNode toWire() {
        ObjectNode events = JsonOut.object();
        counters.forEach((name, counter) -> {
            long count = counter.calls.sum();
            if (count == 0) {
                return;
            }
            ObjectNode entry = events.putObject(name);
            entry.put("count", count);
            entry.put("errors", counter.errors.sum());
            ArrayNode buckets = entry.putArray("buckets");
            for (long n : counter.latency.counts()) {
                buckets.add(n);
            }
        });
        return events;
    }

    /** This node's {@code { NAME: { count, errors, p50_ms, p99_ms } }}. */
    public ObjectNode toJson() {
        return summarize(List.of(toWire()));
    }

    /**
     * {@code { NAME: { count, errors, p50_ms, p99_ms } }} over several nodes' {@link #toWire()}: counts and
     * latency buckets are added up first, so the percentiles are those of all the calls together.
     */
    public static ObjectNode summarize(List<JsonNode> nodes) {
        Map<String, Total> totals = new LinkedHashMap<>();
        for (JsonNode node : nodes) {
            node.fields().forEachRemaining(e -> totals.computeIfAbsent(e.getKey(), k -> new Total()).add(e.getValue()));
        }
        ObjectNode events = JsonOut.object();
        totals.forEach((name, total) -> {
            ObjectNode entry = events.putObject(name);
            entry.put("count", total.count);
            entry.put("errors", total.errors);
            entry.put("p50_ms", LatencyHistogram.percentileMillis(total.buckets, 50));
            entry.put("p99_ms", LatencyHistogram.percentileMillis(total.buckets, 99));
        });
        return events;
    }

    /** One event's counters added up over nodes. */
    private static final class Total {
        long count;
        long errors;
        final long[] buckets = new long[LatencyHistogram.BUCKETS];

        void add(JsonNode entry) {
            count += entry.path("count").asLong();
            errors += entry.path("errors").asLong();
            JsonNode nodeBuckets = entry.path("buckets");
            for (int i = 0; i < buckets.length && i < nodeBuckets.size(); i++) {
                buckets[i] += nodeBuckets.get(i).asLong();
            }
        }
    }

    private static final class Counter {
        final LongAdder calls = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LatencyHistogram latency = new LatencyHistogram();
    }
}
