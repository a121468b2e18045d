package dev.switchboard.console.fire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A request to fire again later: an event and its positional arguments, under a name. */
public record SavedRequest(String name, String event, List<JsonNode> args) {

    public SavedRequest {
        args = List.copyOf(args);
    }

    @Override
    public String toString() {
        return name == null || name.isBlank() || name.equals(event) ? event : name + "  (" + event + ")";
    }
}
