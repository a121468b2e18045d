package dev.switchboard.server.admin.listener.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.listener.Call;
import java.time.Duration;

/**
 * {@code admin/stats/get}: uptime, connections (every node), users online, and the per-event counters
 * and latency of this node.
 */
public final class GetStats extends AdminListener {

    public GetStats(AdminContext admin) {
        super(admin, "admin/stats/get");
    }

    @Override
    public ObjectNode handle(Call call) {
        ObjectNode reply = Reply.ok();
        reply.put("uptime_s", Duration.between(admin.startedAt(), app.clock().instant()).toSeconds());
        reply.put("connections", mainSockets().size());
        reply.put("users_online", app.presence().onlineUsers());
        reply.set("events", admin.stats().toJson());
        return reply;
    }
}
