package dev.switchboard.protocol.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A token's header and payload decoded without any check, for display (the console's decoder)
 * and for reading {@code alg} before verification.
 */
public record JwtParts(JsonNode header, JsonNode payload, String signature) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Null when the text is not three dot-separated base64url parts with JSON header and payload. */
    public static JwtParts split(String token) {
        if (token == null) {
            return null;
        }
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            Base64.Decoder d = Base64.getUrlDecoder();
            JsonNode header = JSON.readTree(new String(d.decode(parts[0]), StandardCharsets.UTF_8));
            JsonNode payload = JSON.readTree(new String(d.decode(parts[1]), StandardCharsets.UTF_8));
            if (header == null || !header.isObject() || payload == null || !payload.isObject()) {
                return null;
            }
            return new JwtParts(header, payload, parts[2]);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return null;
        }
    }

    public String headerField(String name) {
        JsonNode v = header.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String json(Map<String, ?> claims) {
        try {
            return JSON.writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("claims are not JSON: " + e.getMessage(), e);
        }
    }
}
