package dev.switchboard.console.tokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a token says and whether the server would take it.
 *
 * @param header     decoded header, or null when the text is not a JWT
 * @param payload    decoded payload, or null
 * @param valid      true when signature, algorithm, dates and user_id check out against the secret
 * @param verdict    "valid for user …" or the exact reason the server rejects it
 * @param expiry     the expiry in readable local time, relative to now
 * @param userId     the user_id claim as text, or null
 */
public record TokenInspection(JsonNode header, JsonNode payload, boolean valid, String verdict, String expiry,
                              String userId) {

    public boolean decodable() {
        return header != null;
    }
}
