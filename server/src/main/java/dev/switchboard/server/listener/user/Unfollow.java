package dev.switchboard.server.listener.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import org.bson.types.ObjectId;

/** Stops my follow; my sockets leave {@code followed-<userId>}. */
public final class Unfollow extends AppListener {

    public Unfollow(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId other = call.args().id("userId");
        requireOther(call, other, "unfollow");
        user(other);
        if (!app.stores().users().unfollow(call.me(), other)) {
            throw ReplyException.notFound("you do not follow user " + other.toHexString());
        }
        app.main().to(Rooms.user(call.me())).socketsLeave(Rooms.followed(other));
        return Reply.ok();
    }
}
