package dev.switchboard.console.connections;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to one emit.
 *
 * @param reply  the first ack argument (the reply object), or null on timeout
 * @param status the reply's status, "timeout", or "not connected"
 */
public record AckOutcome(long requestSeq, JsonNode reply, long rttMillis, String status) {

    public boolean ok() {
        return "ok".equals(status);
    }
}
