package dev.switchboard.server.admin.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.NamespaceObserver;
import dev.switchboard.engine.Socket;
import dev.switchboard.protocol.reply.ReplyStatus;
import dev.switchboard.server.SocketUser;
import dev.switchboard.server.admin.stats.EventStats;
import dev.switchboard.server.json.JsonOut;
import dev.switchboard.server.listener.CallObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Watches the main namespace for the admins: every listener call is counted in the stats, and, while
 * an admin is subscribed, turned into {@code admin/event}; connections become {@code admin/connection}
 * and pushes {@code admin/emit}. With no admin subscribed only the counters move.
 */
public final class ServerObserver implements NamespaceObserver, CallObserver {

    public static final String CONNECTION = "admin/connection";
    public static final String EVENT = "admin/event";
    public static final String EMIT = "admin/emit";

    private final EventStats stats;
    private final AdminStream stream;
    private final Clock clock;
    private final String node;

    public ServerObserver(EventStats stats, AdminStream stream, Clock clock, String node) {
        this.stats = stats;
        this.stream = stream;
        this.clock = clock;
        this.node = node;
    }

    @Override
    public void called(Socket socket, String event, List<JsonNode> args, ReplyStatus status, long durationNanos) {
        stats.record(event, status, durationNanos);
        if (!stream.active()) {
            return;
        }
        Instant at = clock.instant();
        String socketId = socket.id();
        String userId = userId(socket);
        stream.publish(EVENT, () -> {
            ObjectNode push = head(at, socketId, userId);
            push.put("event", event);
            push.set("args", Summary.ofArgs(event, args));
            push.put("status", status.code());
            push.put("duration_ms", Math.round(durationNanos / 1_000.0) / 1_000.0);
            return push.put("node", node);
        });
    }

    @Override
    public void connected(Socket socket) {
        connection(socket, "connect", null);
    }

    @Override
    public void rejected(Socket socket, String reason) {
        connection(socket, "rejected", reason);
    }

    @Override
    public void disconnected(Socket socket, String reason) {
        connection(socket, "disconnect", reason);
    }

    private void connection(Socket socket, String kind, String reason) {
        if (!stream.active()) {
            return;
        }
        Instant at = clock.instant();
        String socketId = socket.id();
        String userId = userId(socket);
        stream.publish(CONNECTION, () -> {
            ObjectNode push = head(at, socketId, userId);
            push.put("kind", kind);
            push.put("reason", reason);
            return push.put("node", node);
        });
    }

    @Override
    public void emitted(String socketId, Set<String> rooms, String event, List<JsonNode> args) {
        if (!stream.active()) {
            return;
        }
        Instant at = clock.instant();
        stream.publish(EMIT, () -> {
            ObjectNode push = JsonOut.object();
            push.put("at", JsonOut.date(at));
            push.put("event", event);
            ObjectNode to = push.putObject("to");
            if (socketId != null) {
                to.put("socketId", socketId);
            }
            ArrayNode roomList = to.putArray("rooms");
            rooms.stream().sorted().forEach(roomList::add);
            push.set("payload", args.size() == 1 ? Summary.of(args.get(0)) : Summary.of(args));
            return push.put("node", node);
        });
    }

    private static ObjectNode head(Instant at, String socketId, String userId) {
        ObjectNode push = JsonOut.object();
        push.put("at", JsonOut.date(at));
        push.put("socketId", socketId);
        push.put("userId", userId);
        return push;
    }

    private static String userId(Socket socket) {
        Object id = socket.data().get(SocketUser.USER_ID);
        return id == null ? null : id.toString();
    }
}
