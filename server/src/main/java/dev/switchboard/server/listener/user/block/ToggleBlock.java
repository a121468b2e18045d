package dev.switchboard.server.listener.user.block;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.UserStore;
import org.bson.types.ObjectId;

/**
 * Blocks or unblocks a user. Blocking also drops my follow of them (my sockets
 * leave {@code followed-<userId>}) and any follow request between us. Their follow of me stays stored,
 * but pushes from me skip them while the block lasts.
 */
public final class ToggleBlock extends AppListener {

    public ToggleBlock(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId other = call.args().id("userId");
        requireOther(call, other, "block");
        user(other);
        UserStore users = app.stores().users();
        if (!users.toggleBlock(call.me(), other, call.now())) {
            return Reply.ok().put("blocked", false);
        }
        if (users.unfollow(call.me(), other)) {
            app.main().to(Rooms.user(call.me())).socketsLeave(Rooms.followed(other));
        }
        app.stores().followRequests().removeBetween(call.me(), other);
        return Reply.ok().put("blocked", true);
    }
}
