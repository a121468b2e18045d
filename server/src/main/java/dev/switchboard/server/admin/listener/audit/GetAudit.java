package dev.switchboard.server.admin.listener.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.Call;
import dev.switchboard.server.moderation.AuditLog;
import org.bson.Document;

/** A page of the audit log, newest first, filtered by action, actor and target. */
public final class GetAudit extends AdminListener {

    public GetAudit(AdminContext admin) {
        super(admin);
    }

    @Override
    public ObjectNode handle(Call call) {
        int page = call.args().page();
        ArrayNode entries = JsonOut.array();
        for (Document entry : app.stores().audit().page(call.args().text("action"), call.args().id("actorId"),
                call.args().id("targetId"), skip(page, EventCatalog.AUDIT_PAGE_SIZE), EventCatalog.AUDIT_PAGE_SIZE)) {
            entries.add(AuditLog.view(entry));
        }
        ObjectNode reply = Reply.ok();
        reply.put("page", page);
        reply.set("entries", entries);
        return reply;
    }
}
