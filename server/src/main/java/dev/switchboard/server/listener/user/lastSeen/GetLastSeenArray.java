package dev.switchboard.server.listener.user.lastSeen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.UserStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Online state and last seen of several users, in the order asked. */
public final class GetLastSeenArray extends AppListener {

    public GetLastSeenArray(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        List<ObjectId> ids = call.args().ids("userIds");
        Map<ObjectId, Document> found = app.stores().users().findByIds(new LinkedHashSet<>(ids));
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).map(ObjectId::toHexString)
                .distinct().toList();
        if (!missing.isEmpty()) {
            throw ReplyException.notFound("no user with id " + String.join(", ", missing));
        }
        ArrayNode users = JsonOut.array();
        for (ObjectId id : ids) {
            ObjectNode entry = users.addObject();
            entry.put("userId", id.toHexString());
            entry.put("online", app.presence().isOnline(id));
            entry.set("last_seen", JsonOut.of(found.get(id).get(UserStore.LAST_SEEN)));
        }
        ObjectNode reply = Reply.ok();
        reply.set("users", users);
        return reply;
    }
}
