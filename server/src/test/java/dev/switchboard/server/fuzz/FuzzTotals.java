package dev.switchboard.server.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a fuzz run did: calls, replies by status, per-event counts and every violation. */
final class FuzzTotals {

    private long calls;
    private final Map<String, Long> byStatus = new TreeMap<>();
    private final Map<String, Map<String, Long>> byEvent = new TreeMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private long shapeChecks;

    void reply(String event, String status) {
        calls++;
        byStatus.merge(status, 1L, Long::sum);
        byEvent.computeIfAbsent(event, e -> new TreeMap<>()).merge(status, 1L, Long::sum);
    }

    void violation(Violation v) {
        violations.add(v);
    }

    void shapeChecked() {
        shapeChecks++;
    }

    /** Listeners of the catalog that were never called. */
    java.util.Set<String> uncalled() {
        java.util.Set<String> missing = new java.util.TreeSet<>();
        dev.switchboard.protocol.catalog.EventCatalog.listeners().forEach(e -> missing.add(e.name()));
        missing.removeAll(byEvent.keySet());
        return missing;
    }

    long calls() {
        return calls;
    }

    List<Violation> violations() {
        return violations;
    }

    /** The printed summary: totals, then replies by status per event. */
    String summary() {
        StringBuilder out = new StringBuilder();
        out.append("calls: ").append(calls).append('\n');
        out.append("replies by status: ").append(byStatus).append('\n');
        out.append("shape checks of the whole database: ").append(shapeChecks).append('\n');
        out.append("violations: ").append(violations.size()).append('\n');
        out.append("by event:\n");
        byEvent.forEach((event, statuses) -> out.append("  ").append(event).append(' ').append(statuses).append('\n'));
        return out.toString();
    }
}
