package dev.switchboard.server.admin.listener.user.followRequests;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.store.FollowRequestStore;
import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.view.FollowRequestView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Requests made to the user and by the user, with the other side's username. */
public final class GetUserFollowRequests extends AdminListener {

    public GetUserFollowRequests(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId id = call.args().id("userId");
        user(id);
        List<Document> incoming = app.stores().followRequests().to(id);
        List<Document> outgoing = app.stores().followRequests().by(id);
        List<ObjectId> others = new ArrayList<>();
        incoming.forEach(r -> others.add(r.getObjectId(FollowRequestStore.APPLICANT)));
        outgoing.forEach(r -> others.add(r.getObjectId(FollowRequestStore.REQUEST_TO)));
        Map<ObjectId, Document> users = app.stores().users().findByIds(others);
        ObjectNode reply = Reply.ok();
        reply.set("incoming", withUsername(incoming, FollowRequestStore.APPLICANT, users));
        reply.set("outgoing", withUsername(outgoing, FollowRequestStore.REQUEST_TO, users));
        return reply;
    }

    private static ArrayNode withUsername(List<Document> requests, String otherField, Map<ObjectId, Document> users) {
        ArrayNode out = JsonOut.array();
        for (Document r : requests) {
            ObjectNode view = FollowRequestView.of(r);
            Document other = users.get(r.getObjectId(otherField));
            view.put("username", other == null ? null : other.getString(UserStore.USERNAME));
            out.add(view);
        }
        return out;
    }
}
