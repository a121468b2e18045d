package dev.switchboard.console.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.timeline.Frame;
import dev.switchboard.console.timeline.FrameKind;
import dev.switchboard.console.timeline.TimelineModel;
import dev.switchboard.protocol.reply.Reply;
import io.socket.client.AckWithTimeout;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.EngineIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.json.JSONObject;

/**
 * The console's live Socket.IO connections (the real Java client), each feeding every frame it sends
 * or receives into the timeline. Callbacks run on socket threads; the UI hops to the FX thread itself.
 */
public final class ConnectionService implements AutoCloseable {

    public static final long ACK_TIMEOUT_MS = 15_000;

    private final TimelineModel timeline;
    private final Supplier<String> serverUrl;
    private final List<LiveConnection> connections = new CopyOnWriteArrayList<>();
    private final List<Consumer<LiveConnection>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    public ConnectionService(TimelineModel timeline, Supplier<String> serverUrl) {
        this.timeline = timeline;
        this.serverUrl = serverUrl;
    }

    /** Called (on a socket thread) whenever a connection is added, changes status, or is removed. */
    public void addListener(Consumer<LiveConnection> listener) {
        listeners.add(listener);
    }

    public List<LiveConnection> connections() {
        return List.copyOf(connections);
    }

    /** Opens a connection; returns at once, the outcome arrives as status changes and timeline frames. */
    public LiveConnection open(ConnectRequest request) {
        String base = serverUrl.get().replaceAll("/+$", "");
        IO.Options options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(request.transport().engineNames())
                .setUpgrade(request.transport() == Transport.BOTH)
                .setTimeout(10_000)
                .build();
        if (request.token() != null) {
            options.auth = Map.of("accessToken", request.token());
        }
        Socket socket = IO.socket(URI.create(base + ("/".equals(request.namespace()) ? "" : request.namespace())),
                options);
        LiveConnection conn = new LiveConnection("c" + counter.incrementAndGet(), request, socket);
        wire(conn, socket);
        connections.add(conn);
        changed(conn);
        socket.connect();
        return conn;
    }

    private void wire(LiveConnection conn, Socket socket) {
        socket.on(Socket.EVENT_CONNECT, args -> {
            String transport = String.join("+", conn.transport().engineNames());
            conn.connected(socket.id(), transport);
            ObjectNode payload = Json.NODES.objectNode().put("socketId", socket.id()).put("transport", transport)
                    .put("namespace", conn.namespace());
            frame(conn, FrameKind.CONNECT, "connect", payload);
            changed(conn);
        });
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> {
            String reason = connectErrorReason(args);
            conn.update(ConnectionStatus.REJECTED, reason);
            frame(conn, FrameKind.CONNECT_ERROR, "connect_error",
                    args.length > 0 && args[0] instanceof JSONObject ? Json.fromSocket(args[0])
                            : Json.NODES.objectNode().put("message", reason));
            changed(conn);
        });
        socket.on(Socket.EVENT_DISCONNECT, args -> {
            String reason = args.length > 0 ? String.valueOf(args[0]) : "disconnected";
            if (conn.status() != ConnectionStatus.CLOSED) {
                conn.update(ConnectionStatus.DISCONNECTED, "disconnected: " + reason);
            }
            frame(conn, FrameKind.DISCONNECT, "disconnect", Json.NODES.objectNode().put("reason", reason));
            changed(conn);
        });
        socket.onAnyIncoming(args -> {
            if (args.length == 0) {
                return;
            }
            String event = String.valueOf(args[0]);
            Object[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            JsonNode payload = rest.length == 1 ? Json.fromSocket(rest[0]) : Json.fromSocketArgs(rest);
            frame(conn, FrameKind.IN, event, payload);
        });
    }

    /** The reason a connection was refused, as plainly as the server or the network said it. */
    static String connectErrorReason(Object[] args) {
        if (args.length == 0 || args[0] == null) {
            return "connect_error without a reason";
        }
        Object a = args[0];
        if (a instanceof JSONObject o) {
            String message = o.optString("message", null);
            return message == null ? "rejected: " + o : "rejected: " + message;
        }
        if (a instanceof EngineIOException e) {
            Throwable cause = e.getCause();
            String why = cause == null ? e.getMessage() : Json.describe(cause);
            return "cannot reach the server (" + e.getMessage() + (cause == null ? "" : ": " + why) + ")";
        }
        if (a instanceof Throwable t) {
            return Json.describe(t);
        }
        return String.valueOf(a);
    }

    private void frame(LiveConnection conn, FrameKind kind, String event, JsonNode payload) {
        timeline.publish(conn.id(), conn.label(), kind, event, payload);
    }

    /**
     * Emits an event with an ack; the emit and its ack land in the timeline, paired, and the outcome
     * is handed to {@code onAck} on a socket thread.
     */
    public long emit(LiveConnection conn, String event, List<JsonNode> args, Consumer<AckOutcome> onAck) {
        long seq = timeline.nextSeq();
        JsonNode sent = Json.valueOf(args);
        timeline.publish(Frame.of(seq, System.currentTimeMillis(), conn.id(), conn.label(), FrameKind.OUT, event,
                sent, 0, -1, null));
        if (!conn.isConnected()) {
            ack(conn, event, seq, null, 0, "not connected", onAck);
            return seq;
        }
        Object[] socketArgs = Json.toSocketArgs(args);
        long started = System.nanoTime();
        conn.socket().emit(event, socketArgs, new AckWithTimeout(ACK_TIMEOUT_MS) {
            @Override
            public void onSuccess(Object... reply) {
                long rtt = (System.nanoTime() - started) / 1_000_000;
                JsonNode node = reply.length == 1 ? Json.fromSocket(reply[0]) : Json.fromSocketArgs(reply);
                String status = Reply.statusOf(node).map(s -> s.code()).orElse("no status");
                ack(conn, event, seq, node, rtt, status, onAck);
            }

            @Override
            public void onTimeout() {
                ack(conn, event, seq, null, ACK_TIMEOUT_MS, "timeout", onAck);
            }
        });
        return seq;
    }

    private void ack(LiveConnection conn, String event, long seq, JsonNode reply, long rtt, String status,
                     Consumer<AckOutcome> onAck) {
        JsonNode payload = reply != null ? reply
                : Json.NODES.objectNode().put("status", status).put("error", "timeout".equals(status)
                        ? "no ack within " + ACK_TIMEOUT_MS / 1000 + " s"
                        : conn.display() + " is not connected; connect it first");
        timeline.publish(Frame.of(timeline.nextSeq(), System.currentTimeMillis(), conn.id(), conn.label(),
                FrameKind.ACK, event, payload, seq, rtt, status));
        onAck.accept(new AckOutcome(seq, reply, rtt, status));
    }

    /** Closes the socket and forgets the connection. */
    public void close(LiveConnection conn) {
        conn.update(ConnectionStatus.CLOSED, "closed by you");
        conn.socket().off();
        conn.socket().offAnyIncoming();
        conn.socket().disconnect();
        timeline.publish(conn.id(), conn.label(), FrameKind.DISCONNECT, "disconnect",
                Json.NODES.objectNode().put("reason", "closed by the console"));
        connections.remove(conn);
        changed(conn);
    }

    /** Opens a fresh connection with the same request (a closed socket cannot reopen with new auth). */
    public LiveConnection reconnect(LiveConnection conn) {
        close(conn);
        return open(conn.request());
    }

    private void changed(LiveConnection conn) {
        listeners.forEach(l -> l.accept(conn));
    }

    @Override
    public void close() {
        new ArrayList<>(connections).forEach(this::close);
    }
}
