package dev.switchboard.server.admin.listener.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.UserStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The whole user document without {@code hashPassword}, with follower and following counts. */
public final class GetUser extends AdminListener {

    public GetUser(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId id = call.args().id("userId");
        Document stored = new Document(user(id));
        stored.remove(UserStore.HASH_PASSWORD);
        ObjectNode user = (ObjectNode) JsonOut.of(stored);
        user.put("followers_count", app.stores().users().countFollowers(id));
        user.put("following_count", UserStore.entries(stored, UserStore.FOLLOWING).size());
        user.put("online", app.presence().isOnline(id));
        user.set("suspension", suspensionOf(id, call));
        ObjectNode reply = Reply.ok();
        reply.set("user", user);
        return reply;
    }
}
