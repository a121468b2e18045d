package dev.switchboard.console.fire;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One form field's outcome.
 *
 * @param node    the JSON value to send (null when omitted or in error)
 * @param omitted an optional argument left out
 * @param error   why it cannot be sent, or null
 * @param warning why the server will likely refuse it, or null (it is still sent: testing bad input is the point)
 */
public record ArgValue(JsonNode node, boolean omitted, String error, String warning) {

    public static ArgValue of(JsonNode node) {
        return new ArgValue(node, false, null, null);
    }

    public static ArgValue warn(JsonNode node, String warning) {
        return new ArgValue(node, false, null, warning);
    }

    public static ArgValue left() {
        return new ArgValue(null, true, null, null);
    }

    public static ArgValue error(String error) {
        return new ArgValue(null, false, error, null);
    }

    public boolean sendable() {
        return error == null;
    }
}
