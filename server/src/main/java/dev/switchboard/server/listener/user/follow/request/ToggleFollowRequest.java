package dev.switchboard.server.listener.user.follow.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.visibility.Visibility;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Asks to follow a user ({@code insert} true, the default) or withdraws
 * the request. A public user is followed at once, without a request.
 */
public final class ToggleFollowRequest extends AppListener {

    public ToggleFollowRequest(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId otherId = call.args().id("userId");
        requireOther(call, otherId, "follow");
        Document other = user(otherId);
        Document me = me(call);
        if (!call.args().bool("insert")) {
            app.stores().followRequests().remove(call.me(), otherId);
            return answer(false, UserStore.follows(me, otherId));
        }
        Visibility.requireNoBlock(me, other, "follow them");
        if (UserStore.follows(me, otherId)) {
            throw ReplyException.conflict("you already follow user " + otherId.toHexString());
        }
        if (UserStore.isPublic(other)) {
            app.stores().users().follow(call.me(), otherId, call.now());
            app.stores().followRequests().remove(call.me(), otherId);
            app.main().to(Rooms.user(call.me())).socketsJoin(Rooms.followed(otherId));
            return answer(false, true);
        }
        Optional<Document> request = app.stores().followRequests().add(call.me(), otherId, call.now());
        request.ifPresent(r -> app.emits().followRequestNew().send(r));
        return answer(true, false);
    }

    private static ObjectNode answer(boolean requested, boolean following) {
        return Reply.ok().put("requested", requested).put("following", following);
    }
}
