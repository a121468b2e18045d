package dev.switchboard.server.admin.listener.user.suspension;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.moderation.AuditLog;
import org.bson.types.ObjectId;

/** Lifts a user's suspension: the user may connect again at once. */
public final class LiftSuspension extends AdminListener {

    public LiftSuspension(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId userId = call.args().id("userId");
        existingUser(userId);
        if (!app.stores().suspensions().lift(userId, call.now())) {
            throw ReplyException.notFound("user " + userId.toHexString() + " is not suspended");
        }
        admin.audit().record(call, AuditLog.Target.user(userId), call.args().text("reason"), null);
        return Reply.ok().put("lifted", true);
    }
}
