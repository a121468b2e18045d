package dev.switchboard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the client presented when it connected.
 *
 * @param auth the CONNECT packet's auth payload ({@code MissingNode} when none was sent)
 */
public record Handshake(
        Map<String, List<String>> headers,
        Map<String, List<String>> query,
        JsonNode auth,
        String address,
        Instant issued,
        String url) {

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
