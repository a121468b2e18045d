package dev.switchboard.server.admin.listener.user.blocks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.UserStore;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Whom the user blocks and who blocks the user, with usernames. */
public final class GetUserBlocks extends AdminListener {

    public GetUserBlocks(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId id = call.args().id("userId");
        Document user = user(id);
        List<Document> blocks = UserStore.entries(user, UserStore.BLOCK);
        Map<ObjectId, Document> blocked = app.stores().users().findByIds(
                blocks.stream().map(b -> b.getObjectId(UserStore.ID)).toList());
        ArrayNode block = JsonOut.array();
        for (Document entry : blocks) {
            ObjectId other = entry.getObjectId(UserStore.ID);
            block.add(entry(other, blocked.get(other), entry.getDate(UserStore.BLOCKED_AT)));
        }
        ArrayNode blockedBy = JsonOut.array();
        for (Document blocker : app.stores().users().blockersOf(id)) {
            Document entry = UserStore.entry(blocker, UserStore.BLOCK, id).orElseThrow();
            blockedBy.add(entry(blocker.getObjectId("_id"), blocker, entry.getDate(UserStore.BLOCKED_AT)));
        }
        ObjectNode reply = Reply.ok();
        reply.set("block", block);
        reply.set("blockedBy", blockedBy);
        return reply;
    }

    private static ObjectNode entry(ObjectId id, Document user, java.util.Date at) {
        ObjectNode out = JsonOut.object();
        out.put("id", id.toHexString());
        out.put("username", user == null ? null : user.getString(UserStore.USERNAME));
        out.put("blocked_at", JsonOut.date(at));
        return out;
    }
}
