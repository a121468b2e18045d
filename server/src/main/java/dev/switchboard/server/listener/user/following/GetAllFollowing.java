package dev.switchboard.server.listener.user.following;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.listener.user.Entries;
import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.visibility.Visibility;
import org.bson.Document;

/** The users userId follows. */
public final class GetAllFollowing extends AppListener {

    public GetAllFollowing(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        Document user = user(call.args().id("userId"));
        Visibility.requireVisible(me(call), user, "following");
        ObjectNode reply = Reply.ok().put("userId", user.getObjectId("_id").toHexString());
        reply.set("following", Entries.of(UserStore.entries(user, UserStore.FOLLOWING), UserStore.ADDED_AT));
        return reply;
    }
}
