package dev.switchboard.server.emit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.bson.Document;

/**
 * A push of a stored document to every socket of one user, on every node: the user named by the
 * document's {@code recipientField}, the payload its view.
 */
public record PushToUser(Emitter emitter, String event, String recipientField, Function<Document, JsonNode> view)
        implements Emit {

    public void send(Document document) {
        emitter.toUser(document.getObjectId(recipientField), event, view.apply(document));
    }
}
