package dev.switchboard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One client connected to one namespace. Every method is safe to call from any thread.
 *
 * Emit arguments are converted with the engine's Jackson {@code ObjectMapper}: records, maps,
 * lists, {@link JsonNode}s and primitives become JSON; {@code byte[]} (also nested) becomes a
 * binary attachment.
 */
public interface Socket {

    /** The Socket.IO socket id (not the Engine.IO session id). */
    String id();

    Namespace namespace();

    Handshake handshake();

    /** Free per-socket storage for the application (the Node {@code socket.data}). */
    Map<String, Object> data();

    /** {@code "polling"} or {@code "websocket"}: the transport in use now. */
    String transport();

    boolean connected();

    void emit(String event, Object... args);

    /** Emits and completes with the client's ack arguments, or exceptionally with a timeout. */
    CompletableFuture<List<JsonNode>> emitWithAck(String event, Duration timeout, Object... args);

    void join(String... rooms);

    void leave(String room);

    Set<String> rooms();

    /** A broadcast from this socket: to the given rooms, never to this socket itself. */
    Broadcast to(String... rooms);

    /** A handler for this socket only; takes precedence over the namespace's route for that event. */
    void on(String event, EventHandler handler);

    void onDisconnect(DisconnectHandler handler);

    /** Server-side disconnect of this namespace; with {@code close} the whole connection closes. */
    void disconnect(boolean close);
}
