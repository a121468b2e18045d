package dev.switchboard.console.fire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.core.Json;
import dev.switchboard.protocol.catalog.EventCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Named requests saved together as one JSON file, to share a scenario or replay it:
 * {@code { "name": …, "requests": [ { "name", "event", "args": [...] } ] }}.
 */
public record RequestCollection(String name, List<SavedRequest> requests) {

    public RequestCollection {
        requests = List.copyOf(requests);
    }

    public void save(Path file) throws IOException {
        ObjectNode root = Json.NODES.objectNode();
        root.put("name", name);
        ArrayNode list = root.putArray("requests");
        for (SavedRequest r : requests) {
            ObjectNode o = list.addObject();
            o.put("name", r.name());
            o.put("event", r.event());
            o.set("args", Json.valueOf(r.args()));
        }
        Files.writeString(file, Json.pretty(root) + "\n");
    }

    /** Reads a collection; an unknown event or a malformed entry is an error naming the entry. */
    public static RequestCollection load(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.parse(Files.readString(file));
        } catch (dev.switchboard.console.core.InvalidJsonException e) {
            throw new IOException(file.getFileName() + " is not JSON: " + e.getMessage(), e);
        }
        JsonNode list = root.path("requests");
        if (!list.isArray()) {
            throw new IOException(file.getFileName() + " has no \"requests\" array: not a request collection");
        }
        List<SavedRequest> requests = new ArrayList<>();
        int i = 0;
        for (JsonNode r : list) {
            i++;
            String event = r.path("event").asText("");
            if (EventCatalog.listener(event).isEmpty()) {
                throw new IOException("request " + i + " of " + file.getFileName() + ": \"" + event
                        + "\" is no listener of the catalog");
            }
            List<JsonNode> args = new ArrayList<>();
            r.path("args").forEach(args::add);
            requests.add(new SavedRequest(r.path("name").asText(event), event, args));
        }
        String fallback = file.getFileName().toString().replaceFirst("\\.json$", "");
        return new RequestCollection(root.path("name").asText(fallback), requests);
    }
}
