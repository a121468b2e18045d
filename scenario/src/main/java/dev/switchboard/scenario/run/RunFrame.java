package dev.switchboard.scenario.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One thing a scenario's sockets sent or received, for failure reports and the console's timeline.
 *
 * @param atMillis wall-clock time, epoch milliseconds
 * @param socket   1-based index among the actor's sockets
 */
public record RunFrame(long atMillis, String actor, int socket, Kind kind, String event, JsonNode payload) {

    public enum Kind {
        EMIT("→ emit"), ACK("← ack"), PUSH("← push"), CONNECT("● connect"), CONNECT_ERROR("✕ connect_error"),
        DISCONNECT("○ disconnect");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String socketLabel() {
        return actor + "#" + socket;
    }

    /** One line: {@code +12 ms kia#1 ← push message/send/to {"_id":…}}, relative to {@code originMillis}. */
    public String line(long originMillis, int maxPayload) {
        String body = payload == null ? "" : payload.toString();
        if (body.length() > maxPayload) {
            body = body.substring(0, maxPayload - 1) + "…";
        }
        return String.format("%+d ms %s %s %s %s", atMillis - originMillis, socketLabel(), kind.label(), event, body)
                .stripTrailing();
    }
}
