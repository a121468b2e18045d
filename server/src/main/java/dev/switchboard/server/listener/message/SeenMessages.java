package dev.switchboard.server.listener.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import org.bson.types.ObjectId;

/** Marks every unread message from userId to me as seen now. */
public final class SeenMessages extends AppListener {

    public SeenMessages(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId from = user(call.args().id("userId")).getObjectId("_id");
        long updated = app.stores().messages().markSeen(from, call.me(), call.now());
        return Reply.ok().put("updated", updated);
    }
}
