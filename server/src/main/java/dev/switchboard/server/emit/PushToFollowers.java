package dev.switchboard.server.emit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.visibility.Visibility;
import java.util.function.Function;
import org.bson.Document;

/**
 * A push of an owner's new document to room {@code followed-<owner>}, minus every user in a block
 * relation with the owner (either way); the payload is the document's view.
 */
public record PushToFollowers(Emitter emitter, Visibility visibility, String event,
                              Function<Document, JsonNode> view) implements Emit {

    public void send(Document owner, Document document) {
        emitter.toFollowersOf(owner.getObjectId("_id"), visibility.blockRelated(owner), event, view.apply(document));
    }
}
