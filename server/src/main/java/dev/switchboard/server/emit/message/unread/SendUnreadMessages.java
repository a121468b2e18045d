package dev.switchboard.server.emit.message.unread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.server.emit.ConnectPush;
import dev.switchboard.server.emit.ConnectingUser;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.MessageStore;
import dev.switchboard.server.view.MessageView;
import org.bson.Document;

/** Messages to this user not seen yet, oldest first. */
public final class SendUnreadMessages implements ConnectPush {

    private final MessageStore messages;

    public SendUnreadMessages(MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public JsonNode payload(ConnectingUser user) {
        ArrayNode out = JsonOut.array();
        for (Document m : messages.unreadTo(user.id())) {
            out.add(MessageView.unread(m));
        }
        return out;
    }
}
