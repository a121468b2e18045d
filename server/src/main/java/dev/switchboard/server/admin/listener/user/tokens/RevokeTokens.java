package dev.switchboard.server.admin.listener.user.tokens;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.moderation.AuditLog;
import java.time.Instant;
import org.bson.types.ObjectId;

/** Revokes every token issued to the user so far; all of the user's sockets on every node are disconnected. */
public final class RevokeTokens extends AdminListener {

    public RevokeTokens(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId userId = call.args().id("userId");
        existingUser(userId);
        Instant validAfter = app.revocations().revoke(userId);
        admin.audit().record(call, AuditLog.Target.user(userId), call.args().text("reason"), null);
        return Reply.ok().put("tokens_valid_after", JsonOut.date(validAfter));
    }
}
