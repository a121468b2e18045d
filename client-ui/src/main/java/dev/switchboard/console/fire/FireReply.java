package dev.switchboard.console.fire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reply pane's content: the ack of the last request fired, or that it is still awaited.
 *
 * @param status     the reply's status ("ok", "invalid_argument", "timeout"…), null while waiting
 * @param body       the reply object, null while waiting or when none came
 */
public record FireReply(String event, String connection, String status, long rttMillis, JsonNode body) {

    public static FireReply waiting(String event, String connection) {
        return new FireReply(event, connection, null, 0, null);
    }

    public boolean pending() {
        return status == null;
    }

    public boolean ok() {
        return "ok".equals(status);
    }
}
