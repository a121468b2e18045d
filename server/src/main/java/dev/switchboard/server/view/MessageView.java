package dev.switchboard.server.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.MessageStore;
import org.bson.Document;

/** A stored message on the wire: every stored field. */
public final class MessageView {

    private MessageView() {
    }

    public static ObjectNode of(Document message) {
        return JsonOut.pick(message, "_id", MessageStore.FROM, MessageStore.TO, MessageStore.REPLY_TO,
                MessageStore.CONTEXT, MessageStore.SENT_AT, MessageStore.SEEN_AT);
    }

    /** The unread form pushed on connect: {@code _id from reply_to context sent_at}. */
    public static ObjectNode unread(Document message) {
        return JsonOut.pick(message, "_id", MessageStore.FROM, MessageStore.REPLY_TO, MessageStore.CONTEXT,
                MessageStore.SENT_AT);
    }
}
