package dev.switchboard.server.admin.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.reply.ReplyStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStatsTest {

    static final String EVENT = "user/publicity/get";

    static EventStats node(int calls, long millis, ReplyStatus status) {
        EventStats stats = new EventStats();
        for (int i = 0; i < calls; i++) {
            stats.record(EVENT, status, millis * 1_000_000L);
        }
        return stats;
    }

    @Test
    void nodesAreAddedUpBeforeThePercentilesAreTaken() {
        EventStats fast = node(98, 1, ReplyStatus.OK);
        EventStats slow = node(2, 1_000, ReplyStatus.INVALID_ARGUMENT);

        JsonNode merged = EventStats.summarize(List.of(fast.toWire(), slow.toWire())).path(EVENT);

        assertThat(merged.path("count").asLong()).isEqualTo(100);
        assertThat(merged.path("errors").asLong()).isEqualTo(2);
        // averaging each node's percentiles would put p50 near 500 ms
        assertThat(merged.path("p50_ms").asDouble()).isBetween(1.0, 1.25);
        assertThat(merged.path("p99_ms").asDouble()).isBetween(1_000.0, 1_250.0);
    }

    @Test
    void oneNodeReportsItsOwnCalledEventsOnly() {
        EventStats stats = node(10, 3, ReplyStatus.OK);
        assertThat(stats.toJson().path(EVENT).path("p50_ms").asDouble()).isBetween(3.0, 3.75);
        assertThat(stats.toJson().has(EventStats.UNKNOWN)).as("events never called are left out").isFalse();
    }
}
