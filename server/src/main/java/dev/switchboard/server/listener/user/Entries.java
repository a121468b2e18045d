package dev.switchboard.server.listener.user;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.UserStore;
import java.util.List;
import org.bson.Document;

/** The entries of a user's {@code following} or {@code block} on the wire: {@code [{ id, <dateField> }]}. */
public final class Entries {

    private Entries() {
    }

    public static ArrayNode of(List<Document> entries, String dateField) {
        ArrayNode out = JsonOut.array();
        for (Document e : entries) {
            out.add(JsonOut.pick(e, UserStore.ID, dateField));
        }
        return out;
    }
}
