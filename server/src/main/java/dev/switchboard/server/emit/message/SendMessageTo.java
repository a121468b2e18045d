package dev.switchboard.server.emit.message;

import dev.switchboard.server.emit.Emit;
import dev.switchboard.server.emit.Emitter;
import dev.switchboard.server.store.MessageStore;
import dev.switchboard.server.view.MessageView;
import org.bson.Document;

/** {@code message/send/to}: the stored message, to every socket of its recipient. */
public final class SendMessageTo implements Emit {

    private final Emitter emitter;

    public SendMessageTo(Emitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public String event() {
        return "message/send/to";
    }

    public void send(Document message) {
        emitter.toUser(message.getObjectId(MessageStore.TO), event(), MessageView.of(message));
    }
}
