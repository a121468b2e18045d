package dev.switchboard.server.admin.listener.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.UserStore;
import org.bson.Document;

/** Users whose username, name or email starts with the query, by username. */
public final class FindUsers extends AdminListener {

    public static final int PAGE_SIZE = 25;

    public FindUsers(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        int page = call.args().page();
        ArrayNode users = JsonOut.array();
        for (Document user : app.stores().users().search(call.args().text("query"), skip(page, PAGE_SIZE), PAGE_SIZE)) {
            ObjectNode entry = JsonOut.pick(user, "_id", UserStore.NAME, UserStore.FAMILY, UserStore.USERNAME,
                    UserStore.EMAIL);
            entry.put("online", app.presence().isOnline(user.getObjectId("_id")));
            entry.set(UserStore.LAST_SEEN, JsonOut.of(user.get(UserStore.LAST_SEEN)));
            entry.set("suspension", suspensionOf(user.getObjectId("_id"), call));
            users.add(entry);
        }
        ObjectNode reply = Reply.ok();
        reply.put("page", page);
        reply.set("users", users);
        return reply;
    }
}
