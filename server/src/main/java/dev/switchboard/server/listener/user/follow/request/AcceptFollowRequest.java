package dev.switchboard.server.listener.user.follow.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.visibility.Visibility;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The applicant now follows me and its sockets join
 * {@code followed-<me>}; the request is gone and the applicant is told.
 */
public final class AcceptFollowRequest extends AppListener {

    public AcceptFollowRequest(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId applicantId = call.args().id("applicantId");
        requireOther(call, applicantId, "accept a follow request from");
        Document applicant = user(applicantId);
        Document request = app.stores().followRequests().find(applicantId, call.me())
                .orElseThrow(() -> ReplyException.notFound("user " + applicantId.toHexString()
                        + " has not asked to follow you"));
        Visibility.requireNoBlock(me(call), applicant, "accept their follow request");
        // Follow first, then drop the request: a failure in between leaves a request that can be accepted again.
        app.stores().users().follow(applicantId, call.me(), call.now());
        app.stores().followRequests().remove(applicantId, call.me());
        app.main().to(Rooms.user(applicantId)).socketsJoin(Rooms.followed(call.me()));
        app.emits().followRequestAccepted().send(request);
        return Reply.ok();
    }
}
