package dev.switchboard.server.listener.user.publicity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.UserStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Whether a user's account (default: mine) is public. */
public final class GetPublicity extends AppListener {

    public GetPublicity(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId id = call.args().id("userId");
        Document user = user(id == null ? call.me() : id);
        return Reply.ok().put("userId", user.getObjectId("_id").toHexString()).put("public", UserStore.isPublic(user));
    }
}
