package dev.switchboard.console.serverview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One row of {@code admin/stats/get}'s events. */
public record EventStat(String event, long count, long errors, double p50Millis, double p99Millis) {

    /** Busiest first. */
    public static List<EventStat> listOf(JsonNode stats) {
        List<EventStat> out = new ArrayList<>();
        stats.path("events").fields().forEachRemaining(e -> out.add(new EventStat(e.getKey(),
                e.getValue().path("count").asLong(), e.getValue().path("errors").asLong(),
                e.getValue().path("p50_ms").asDouble(), e.getValue().path("p99_ms").asDouble())));
        out.sort(Comparator.comparingLong(EventStat::count).reversed().thenComparing(EventStat::event));
        return out;
    }
}
