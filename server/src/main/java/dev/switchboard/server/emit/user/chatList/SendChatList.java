package dev.switchboard.server.emit.user.chatList;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.emit.ConnectPush;
import dev.switchboard.server.emit.ConnectingUser;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.MessageStore;
import org.bson.Document;

/** Ids of everyone this user has exchanged a message with, newest conversation first. */
public final class SendChatList implements ConnectPush {

    private final MessageStore messages;

    public SendChatList(MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public JsonNode payload(ConnectingUser user) {
        return JsonOut.of(messages.chatPartners(user.id()));
    }
}
