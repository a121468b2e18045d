package dev.switchboard.console.serverview;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.timeline.Frame;
import dev.switchboard.console.timeline.FrameKind;
import dev.switchboard.console.timeline.TimelineModel;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.reply.Reply;
import io.socket.client.AckWithTimeout;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The console's own socket on {@code /admin}: request/response calls for the Server and Moderation
 * views, and the server's live stream turned into server-side timeline frames. Its calls stay out of
 * the timeline (the views poll them); only what other clients do lands there.
 */
public final class AdminSession implements AutoCloseable {

    public static final String SERVER_CONNECTION_ID = "server";
    static final long CALL_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final TimelineModel timeline;
    private final List<Consumer<String>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> connectionListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
    private volatile String status = "connecting to /admin…";
    private volatile boolean connected;

    private AdminSession(Socket socket, TimelineModel timeline) {
        this.socket = socket;
        this.timeline = timeline;
    }

    /** Opens the socket at once; the outcome arrives through {@link #onStatus} and {@link #awaitConnected}. */
    public static AdminSession open(String serverUrl, String token, TimelineModel timeline) {
        IO.Options options = IO.Options.builder()
                .setForceNew(true)
                .setReconnection(true)
                .setReconnectionDelay(1_000)
                .setTransports(new String[] {"websocket"})
                .setTimeout(10_000)
                .build();
        options.auth = Map.of("accessToken", token);
        Socket socket = IO.socket(URI.create(serverUrl.replaceAll("/+$", "") + EventCatalog.ADMIN), options);
        AdminSession session = new AdminSession(socket, timeline);
        session.wire();
        socket.connect();
        return session;
    }

    private void wire() {
        socket.on(Socket.EVENT_CONNECT, a -> {
            connected = true;
            firstConnect.complete(null);
            status("connected to /admin as socket " + socket.id());
        });
        socket.on(Socket.EVENT_CONNECT_ERROR, a -> {
            connected = false;
            String why = a.length > 0 && a[0] instanceof org.json.JSONObject o ? o.optString("message", o.toString())
                    : a.length > 0 ? String.valueOf(a[0]) : "no reason given";
            if (!firstConnect.isDone() && a.length > 0 && a[0] instanceof org.json.JSONObject) {
                // refused by the server, not a network hiccup: retrying with the same token cannot help
                socket.io().reconnection(false);
                firstConnect.completeExceptionally(new IllegalStateException("/admin refused: " + why));
            }
            status("/admin refused or unreachable: " + why);
        });
        socket.on(Socket.EVENT_DISCONNECT, a -> {
            connected = false;
            status("disconnected from /admin: " + (a.length > 0 ? a[0] : "?"));
        });
        socket.on(ServerFrames.CONNECTION, a -> {
            publish(ServerFrames.CONNECTION, a);
            connectionListeners.forEach(Runnable::run);
        });
        socket.on(ServerFrames.EVENT, a -> publish(ServerFrames.EVENT, a));
        socket.on(ServerFrames.EMIT, a -> publish(ServerFrames.EMIT, a));
    }

    private void publish(String push, Object[] args) {
        if (args.length == 0) {
            return;
        }
        Frame frame = ServerFrames.toFrame(timeline.nextSeq(), push, Json.fromSocket(args[0]));
        if (frame != null) {
            timeline.publish(frame);
        }
    }

    private void status(String text) {
        status = text;
        statusListeners.forEach(l -> l.accept(text));
    }

    /** Called on a socket thread with each new status sentence. */
    public void onStatus(Consumer<String> listener) {
        statusListeners.add(listener);
    }

    /** Called on a socket thread whenever a client connects to or leaves the server. */
    public void onConnectionChange(Runnable listener) {
        connectionListeners.add(listener);
    }

    public String status() {
        return status;
    }

    public boolean isConnected() {
        return connected;
    }

    /** Blocks until the first connection, or fails with the server's refusal. Background threads only. */
    public void awaitConnected() throws Exception {
        try {
            firstConnect.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from /admin within " + CALL_TIMEOUT_MS / 1000 + " s");
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    /**
     * Calls an admin listener and waits for its reply; a failure reply becomes an exception with the
     * server's sentence. Background threads only.
     */
    public JsonNode call(String event, Object... args) throws Exception {
        awaitConnected();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        Object[] wire = Json.toSocketArgs(java.util.Arrays.stream(args).map(Json::valueOf).toList());
        socket.emit(event, wire, new AckWithTimeout(CALL_TIMEOUT_MS) {
            @Override
            public void onSuccess(Object... a) {
                reply.complete(a.length == 0 ? Json.NODES.nullNode() : Json.fromSocket(a[0]));
            }

            @Override
            public void onTimeout() {
                reply.completeExceptionally(new IllegalStateException(event + ": no reply within "
                        + CALL_TIMEOUT_MS / 1000 + " s"));
            }
        });
        JsonNode node;
        try {
            node = reply.get(CALL_TIMEOUT_MS + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
        if (!Reply.isOk(node)) {
            throw new IllegalStateException(event + ": " + node.path("status").asText("no status") + ": "
                    + node.path("error").asText(Json.compact(node)));
        }
        return node;
    }

    @Override
    public void close() {
        socket.io().reconnection(false);
        socket.off();
        socket.disconnect();
        connected = false;
    }
}
