package dev.switchboard.server.admin.listener.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.protocol.reply.ReplyException;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.moderation.AuditLog;
import dev.switchboard.server.moderation.SuspensionView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Suspends a user until a date or indefinitely: stored first (so a connection racing with this is
 * refused by the {@code suspended} middleware), then every socket of the user on every node is told why
 * ({@code user/suspended}) and disconnected.
 */
public final class SuspendUser extends AdminListener {

    public SuspendUser(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectId userId = call.args().id("userId");
        requireOther(call, userId, "suspend");
        existingUser(userId);
        String reason = call.args().text("reason");
        Date until = until(call.args().text("until"), call.now());
        Document suspension = app.stores().suspensions().suspend(userId, reason, until, call.me(), call.now());
        app.emits().userSuspended().send(suspension);
        app.main().to(Rooms.user(userId)).disconnectSockets(false);
        admin.audit().record(call, AuditLog.Target.user(userId), reason, until);
        ObjectNode reply = Reply.ok();
        reply.set("suspension", SuspensionView.of(suspension));
        return reply;
    }

    /** Null (indefinitely) when left out; otherwise an ISO-8601 instant after now. */
    private static Date until(String text, Date now) {
        if (text == null) {
            return null;
        }
        Instant until;
        try {
            until = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ReplyException.invalidArgument("until must be an ISO-8601 date such as 2030-01-31T00:00:00Z, not \""
                    + text + "\"; leave it out to suspend indefinitely");
        }
        if (!until.isAfter(now.toInstant())) {
            throw ReplyException.invalidArgument("until (" + text + ") is not in the future");
        }
        return Date.from(until);
    }
}
