package dev.switchboard.server.admin.listener.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.protocol.reply.Reply;
import dev.switchboard.server.admin.AdminContext;
import dev.switchboard.server.admin.listener.AdminListener;
import dev.switchboard.server.admin.stats.EventStats;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Over every node: uptime of this node, connections added up, users online
 * (presence spans the nodes), the per-event counters and latency of all nodes together, and
 * {@code nodes: [{ node, uptime_s, connections }]}, one entry per node that answered in time.
 */
public final class GetStats extends AdminListener {

    /** The request every node answers with {@link #thisNode}. */
    public static final String NODE_STATS = "admin/stats/node";

    public GetStats(AdminContext admin) {
        super(admin);
    }

    /** Lets the other nodes' admins (and this node's) ask this node for its stats. */
    public static void answerForThisNode(AdminContext admin) {
        admin.nodes().answer(NODE_STATS, payload -> thisNode(admin));
    }

    private static ObjectNode thisNode(AdminContext admin) {
        ObjectNode node = JsonOut.object();
        node.put("node", admin.app().config().nodeName());
        node.put("uptime_s", Duration.between(admin.startedAt(), admin.app().clock().instant()).toSeconds());
        node.put("connections", await(admin.app().main().except().local().fetchSockets(), "listing the sockets").size());
        node.set("events", admin.stats().toWire());
        return node;
    }

    @Override
    public ObjectNode handle(Call call) {
        requireAdmin(call);
        List<JsonNode> nodes = await(admin.nodes().ask(NODE_STATS, NullNode.getInstance()), "asking every node");
        long connections = 0;
        ArrayNode perNode = JsonOut.array();
        List<JsonNode> events = new ArrayList<>();
        for (JsonNode node : nodes) {
            connections += node.path("connections").asLong();
            perNode.addObject().put("node", node.path("node").asText())
                    .put("uptime_s", node.path("uptime_s").asLong())
                    .put("connections", node.path("connections").asLong());
            events.add(node.path("events"));
        }
        ObjectNode reply = Reply.ok();
        reply.put("uptime_s", nodes.get(0).path("uptime_s").asLong());
        reply.put("connections", connections);
        reply.put("users_online", app.presence().onlineUsers());
        reply.set("events", EventStats.summarize(events));
        reply.set("nodes", perNode);
        return reply;
    }
}
