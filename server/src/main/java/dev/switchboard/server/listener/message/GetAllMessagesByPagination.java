package dev.switchboard.server.listener.message;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.view.MessageView;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The conversation between me and userId, newest first. */
public final class GetAllMessagesByPagination extends AppListener {

    public GetAllMessagesByPagination(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId other = user(call.args().id("userId")).getObjectId("_id");
        int page = call.args().page();
        ArrayNode messages = JsonOut.array();
        int size = EventCatalog.MESSAGES_PAGE_SIZE;
        for (Document m : app.stores().messages().conversation(call.me(), other, skip(page, size), size)) {
            messages.add(MessageView.of(m));
        }
        ObjectNode reply = Reply.ok().put("page", page);
        reply.set("messages", messages);
        return reply;
    }
}
