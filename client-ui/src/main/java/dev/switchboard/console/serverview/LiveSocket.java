package dev.switchboard.console.serverview;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One socket of the server's main namespace, as {@code admin/sockets/get} lists it. */
public record LiveSocket(String socketId, String userId, String username, List<String> rooms, String transport,
                         String address, Instant connectedAt, String node) {

    public static List<LiveSocket> listOf(JsonNode reply) {
        List<LiveSocket> out = new ArrayList<>();
        for (JsonNode s : reply.path("sockets")) {
            List<String> rooms = new ArrayList<>();
            s.path("rooms").forEach(r -> rooms.add(r.asText()));
            String at = s.path("connected_at").asText(null);
            out.add(new LiveSocket(s.path("socketId").asText(), text(s, "userId"), text(s, "username"), List.copyOf(rooms),
                    s.path("transport").asText(""), s.path("address").asText(""),
                    at == null ? null : Instant.parse(at), s.path("node").asText("")));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    public String user() {
        return username != null ? username : userId != null ? userId : "(no user)";
    }

    public String roomList() {
        return String.join(", ", rooms);
    }
}
