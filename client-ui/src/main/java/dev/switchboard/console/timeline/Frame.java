package dev.switchboard.console.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.core.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One row of the timeline.
 *
 * @param seq        unique and increasing; an ack names its request by it
 * @param atMillis   wall-clock time, epoch milliseconds
 * @param requestSeq for an ack, the seq of the emit it answers; otherwise 0
 * @param rttMillis  for an ack, the round trip; otherwise -1
 * @param status     for an ack, the reply's status (ok, invalid_argument, timeout…); otherwise null
 * @param searchText lower-case text the free-text search looks in
 */
public record Frame(long seq, long atMillis, String connectionId, String connectionLabel, FrameKind kind,
                    String event, JsonNode payload, long requestSeq, long rttMillis, String status,
                    String searchText) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    public static Frame of(long seq, long atMillis, String connectionId, String connectionLabel, FrameKind kind,
                           String event, JsonNode payload, long requestSeq, long rttMillis, String status) {
        String text = (event + " " + connectionLabel + " " + (payload == null ? "" : Json.compact(payload)))
                .toLowerCase(Locale.ROOT);
        return new Frame(seq, atMillis, connectionId, connectionLabel, kind, event, payload, requestSeq,
                rttMillis, status, text);
    }

    public String time() {
        return TIME.format(Instant.ofEpochMilli(atMillis));
    }

    public String connection() {
        return connectionId + " · " + connectionLabel;
    }

    public boolean isServerSide() {
        return kind.direction() == FlowDirection.SERVER;
    }

    public boolean isAck() {
        return kind == FrameKind.ACK;
    }

    /** The short summary column. */
    public String summary() {
        String body = Json.summary(switch (kind) {
            // server-side rows: what the client sent or received, not the admin envelope around it
            case SERVER_CALL -> payload == null ? null : payload.path("args");
            case SERVER_PUSH -> payload == null ? null : payload.path("payload");
            default -> payload;
        }, 160);
        return switch (kind) {
            case ACK -> (status == null ? "?" : status) + " · " + rttMillis + " ms · #" + requestSeq + " · " + body;
            case OUT -> "#" + seq + " " + body;
            case SERVER_CALL -> (status == null ? "?" : status) + " · " + rttMillis + " ms · " + body;
            case SERVER_CONNECTION -> payload == null ? body : payload.path("socketId").asText() + " "
                    + payload.path("reason").asText("");
            default -> body;
        };
    }
}
