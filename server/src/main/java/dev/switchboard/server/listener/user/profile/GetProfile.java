package dev.switchboard.server.listener.user.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.visibility.Relation;
import org.bson.Document;
import org.bson.types.ObjectId;

/** A user's public profile (default: mine) and my relation to them. */
public final class GetProfile extends AppListener {

    public GetProfile(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId id = call.args().id("userId");
        Document me = me(call);
        Document user = id == null || id.equals(call.me()) ? me : user(id);
        ObjectNode reply = Reply.ok();
        reply.set("profile", JsonOut.pick(user, "_id", UserStore.NAME, UserStore.FAMILY, UserStore.USERNAME,
                UserStore.PHOTO, UserStore.BIOGRAPHY, UserStore.LAST_SEEN));
        reply.set("relation", Relation.between(me, user).toJson());
        return reply;
    }
}
