package dev.switchboard.server.emit.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.emit.ConnectPush;
import dev.switchboard.server.emit.ConnectingUser;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.store.MessageStore;
import org.bson.Document;

/** {@code user/chatList/send/all}: ids of everyone this user has exchanged a message with, newest conversation first. */
public final class ChatListSendAll implements ConnectPush {

    private final MessageStore messages;

    public ChatListSendAll(MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public String event() {
        return "user/chatList/send/all";
    }

    @Override
    public JsonNode payload(ConnectingUser user) {
        return JsonOut.of(messages.chatPartners(user.id()));
    }
}
