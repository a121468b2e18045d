package dev.switchboard.server.listener.user.following.request;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.view.FollowRequestView;
import org.bson.Document;

/** The follow requests made to me. */
public final class GetAllFollowingRequests extends AppListener {

    public GetAllFollowingRequests(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ArrayNode requests = JsonOut.array();
        for (Document r : app.stores().followRequests().to(call.me())) {
            requests.add(FollowRequestView.of(r));
        }
        ObjectNode reply = Reply.ok();
        reply.set("requests", requests);
        return reply;
    }
}
