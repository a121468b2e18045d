package dev.switchboard.server.emit.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.server.emit.ConnectPush;
import dev.switchboard.server.emit.ConnectingUser;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.MessageStore;
import dev.switchboard.server.view.MessageView;
import org.bson.Document;

/** {@code message/unread/send/all}: messages to this user not seen yet, oldest first. */
public final class UnreadSendAll implements ConnectPush {

    private final MessageStore messages;

    public UnreadSendAll(MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public String event() {
        return "message/unread/send/all";
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
