package dev.switchboard.server.args;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;

/** A listener's arguments after parsing, by their catalog names; absent optional ones are null. */
public final class Args {

    private final Map<String, Object> values;

    Args(Map<String, Object> values) {
        this.values = values;
    }

    private <T> T get(String name, Class<T> type) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no argument " + name + " in the catalog for this listener");
        }
        return type.cast(values.get(name));
    }

    /** A required id, or null for an optional one left out. */
    public ObjectId id(String name) {
        return get(name, ObjectId.class);
    }

    @SuppressWarnings("unchecked")
    public List<ObjectId> ids(String name) {
        return (List<ObjectId>) get(name, List.class);
    }

    public int page() {
        return get("page", Integer.class);
    }

    public String text(String name) {
        return get(name, String.class);
    }

    public Boolean bool(String name) {
        return get(name, Boolean.class);
    }

    public String image(String name) {
        return get(name, String.class);
    }

    public JsonNode object(String name) {
        return get(name, JsonNode.class);
    }
}
