package dev.switchboard.server.listener.user.follower;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.visibility.Visibility;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The users that follow userId, with when they started. */
public final class GetAllFollowers extends AppListener {

    public GetAllFollowers(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        Document user = user(call.args().id("userId"));
        Visibility.requireVisible(me(call), user, "followers");
        ObjectId userId = user.getObjectId("_id");
        ArrayNode followers = JsonOut.array();
        for (Document follower : app.stores().users().followerEntries(userId)) {
            ObjectNode entry = followers.addObject();
            entry.set(UserStore.ID, JsonOut.of(follower.getObjectId(UserStore.ID)));
            entry.set(UserStore.ADDED_AT, JsonOut.of(follower.get(UserStore.ADDED_AT)));
        }
        ObjectNode reply = Reply.ok().put("userId", userId.toHexString());
        reply.set("follower", followers);
        return reply;
    }
}
