package dev.switchboard.server.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.StoryStore;
import org.bson.Document;

/** A story without its image: {@code { _id, owner, added_at }} (who else saw it is the owner's business). */
public final class StorySummary {

    private StorySummary() {
    }

    public static ObjectNode of(Document story) {
        return JsonOut.pick(story, "_id", StoryStore.OWNER, StoryStore.ADDED_AT);
    }

    /** With {@code seen}: whether the viewer has seen it. */
    public static ObjectNode of(Document story, boolean seen) {
        ObjectNode out = of(story);
        out.put("seen", seen);
        return out;
    }
}
