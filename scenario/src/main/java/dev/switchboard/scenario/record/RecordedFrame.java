package dev.switchboard.scenario.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.scenario.run.RunFrame;

/**
 * One frame of a recording, in arrival order.
 *
 * @param seq        unique and increasing
 * @param requestSeq for an ack, the seq of the emit it answers
 * @param status     for an ack, its status ({@code timeout} or {@code not connected} when none came)
 */
public record RecordedFrame(long seq, String connectionId, RunFrame.Kind kind, String event, JsonNode payload,
                            long requestSeq, String status) {
}
