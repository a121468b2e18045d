package dev.switchboard.server.listener.user.follow.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.AppContext;
import dev.switchboard.server.listener.AppListener;
import dev.switchboard.server.listener.Call;
import org.bson.types.ObjectId;

/** Drops a follow request made to me. */
public final class RejectFollowRequest extends AppListener {

    public RejectFollowRequest(AppContext app) {
        super(app);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId applicantId = call.args().id("applicantId");
        requireOther(call, applicantId, "reject a follow request from");
        user(applicantId);
        if (app.stores().followRequests().remove(applicantId, call.me()).isEmpty()) {
            throw ReplyException.notFound("user " + applicantId.toHexString() + " has not asked to follow you");
        }
        return Reply.ok();
    }
}
