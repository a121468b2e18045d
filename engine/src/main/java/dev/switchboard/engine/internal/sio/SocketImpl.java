package dev.switchboard.engine.internal.sio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.ClientText;
import dev.switchboard.engine.Ack;
import dev.switchboard.engine.Broadcast;
import dev.switchboard.engine.ConnectRejectedException;
import dev.switchboard.engine.ConnectionHandler;
import dev.switchboard.engine.DisconnectHandler;
import dev.switchboard.engine.Event;
import dev.switchboard.engine.EventHandler;
import dev.switchboard.engine.Handshake;
import dev.switchboard.engine.Middleware;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.Socket;
import dev.switchboard.engine.internal.Ids;
import dev.switchboard.engine.internal.SerialExecutor;
import dev.switchboard.engine.internal.eio.EngineFrame;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's presence in one namespace. Lifecycle CONNECTING (middlewares running) → CONNECTED →
 * DISCONNECTED; state changes happen under the socket's lock so admission, rejection and close
 * cannot interleave. Handlers run on the socket's serial queue.
 */
final class SocketImpl implements Socket {

    private static final Logger log = LoggerFactory.getLogger(SocketImpl.class);
    private static final int CONNECTING = 0;
    private static final int CONNECTED = 1;
    private static final int DISCONNECTED = 2;

    private final String id = Ids.next();
    private final NamespaceImpl namespace;
    private final Client client;
    private final Handshake handshake;
    private final SerialExecutor serial;
    private final Map<String, Object> data = new ConcurrentHashMap<>(4);
    private volatile int state = CONNECTING;
    private volatile Map<String, EventHandler> handlers;
    private volatile List<DisconnectHandler> disconnectHandlers;
    // guarded by this
    private Set<String> pendingRooms;
    private Map<Integer, CompletableFuture<List<JsonNode>>> acks;
    private int nextAckId;

    SocketImpl(NamespaceImpl namespace, Client client, Handshake handshake) {
        this.namespace = namespace;
        this.client = client;
        this.handshake = handshake;
        this.serial = new SerialExecutor(namespace.server().workers());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Namespace namespace() {
        return namespace;
    }

    NamespaceImpl namespaceImpl() {
        return namespace;
    }

    @Override
    public Handshake handshake() {
        return handshake;
    }

    @Override
    public Map<String, Object> data() {
        return data;
    }

    @Override
    public String transport() {
        return client.session().transportName();
    }

    @Override
    public boolean connected() {
        return state == CONNECTED;
    }

    // ---- connect -----------------------------------------------------------------------------

    void start() {
        serial.execute(this::runMiddlewares);
    }

    private void runMiddlewares() {
        for (Middleware middleware : namespace.middlewares()) {
            if (state != CONNECTING) {
                return;
            }
            try {
                middleware.handle(this);
            } catch (ConnectRejectedException e) {
                reject(e.getMessage(), e.data());
                return;
            } catch (Exception e) {
                log.warn("middleware of namespace {} failed; refusing socket {}", namespace.name(), id, e);
                reject("Internal server error", null);
                return;
            }
        }
        admit();
    }

    private void admit() {
        synchronized (this) {
            if (state != CONNECTING) {
                return;
            }
            state = CONNECTED;
            // CONNECT is queued before the socket becomes reachable, so no emit can overtake it
            client.send(namespace.server().encoder().connect(namespace.name(), id));
            Set<String> rooms = new HashSet<>(pendingRooms == null ? Set.of() : pendingRooms);
            rooms.add(id);
            pendingRooms = null;
            namespace.register(this, rooms);
        }
        namespace.observers().connected(this);
        for (ConnectionHandler handler : namespace.connectionHandlers()) {
            try {
                handler.connected(this);
            } catch (Exception e) {
                log.warn("connection handler of namespace {} failed for socket {}", namespace.name(), id, e);
            }
        }
    }

    private void reject(String message, Object detail) {
        synchronized (this) {
            if (state != CONNECTING) {
                return;
            }
            state = DISCONNECTED;
            pendingRooms = null;
        }
        client.remove(this);
        client.send(namespace.server().encoder().connectError(namespace.name(),
                message == null ? "Connection refused" : message, detail));
        namespace.observers().rejected(this, message);
    }

    // ---- incoming ----------------------------------------------------------------------------

    void onPacket(SioPacket packet) {
        switch (packet.type()) {
            case SioPacket.EVENT, SioPacket.BINARY_EVENT -> arrived(packet);
            case SioPacket.ACK, SioPacket.BINARY_ACK -> completeAck(packet);
            case SioPacket.DISCONNECT -> onClose("client namespace disconnect");
            default -> log.debug("socket {}: unexpected packet type {}", id, packet.type());
        }
    }

    /** Passes the event through the namespace's gate, then queues it (or runs it here when its handler never blocks). */
    private void arrived(SioPacket packet) {
        JsonNode payload = packet.data();
        String name = payload.get(0).asText();
        Ack ack = packet.ackId() >= 0 ? new AckImpl(this, packet.ackId()) : AckImpl.NONE;
        Event event = new Event(name, ArgumentList.of(payload, 1), ack, packet.receivedNanos());
        SioServer server = namespace.server();
        int waiting = server.eventArrived();
        boolean admitted;
        try {
            admitted = namespace.gate().admit(this, event, waiting);
        } catch (RuntimeException e) {
            log.warn("event gate of namespace {} failed; letting the event through", namespace.name(), e);
            admitted = true;
        }
        if (!admitted) {
            server.eventLeftQueue();
            namespace.observers().eventReceived(this, name, event.args());
            return;
        }
        if (neverBlocks(name)) {
            serial.runHereOrQueue(SocketImpl::dispatch, this, event);
        } else {
            serial.execute(() -> dispatch(event));
        }
    }

    /** Whether the handler this event goes to declared itself non-blocking (a per-socket handler may block). */
    private boolean neverBlocks(String name) {
        Map<String, EventHandler> own = handlers;
        return (own == null || !own.containsKey(name)) && namespace.routeNeverBlocks(name);
    }

    private void dispatch(Event event) {
        namespace.server().eventLeftQueue();
        if (state != CONNECTED) {
            return;
        }
        String name = event.name();
        namespace.observers().eventReceived(this, name, event.args());
        Map<String, EventHandler> own = handlers;
        EventHandler handler = own == null ? null : own.get(name);
        if (handler == null) {
            handler = namespace.route(name);
        }
        if (handler == null) {
            log.debug("socket {}: no handler for event {}", id, name);
            return;
        }
        try {
            handler.handle(this, event);
        } catch (Exception e) {
            log.warn("handler of event {} on namespace {} failed for socket {}", ClientText.of(name), namespace.name(), id, e);
        }
    }

    private void completeAck(SioPacket packet) {
        CompletableFuture<List<JsonNode>> future;
        synchronized (this) {
            future = acks == null ? null : acks.remove(packet.ackId());
        }
        if (future != null) {
            List<JsonNode> args = ArgumentList.of(packet.data(), 0);
            // completed off the socket's queue: a handler may be blocked waiting for this very ack
            namespace.server().workers().execute(() -> future.complete(args));
        }
    }

    // ---- outgoing ----------------------------------------------------------------------------

    @Override
    public void emit(String event, Object... args) {
        SioServer.checkEventName(event);
        if (state != CONNECTED) {
            log.debug("socket {} not connected; emit of {} dropped", id, event);
            return;
        }
        client.send(namespace.server().encoder().event(namespace.name(), event, args, -1));
        namespace.observeEmit(id, event, args);
    }

    @Override
    public CompletableFuture<List<JsonNode>> emitWithAck(String event, Duration timeout, Object... args) {
        SioServer.checkEventName(event);
        CompletableFuture<List<JsonNode>> future = new CompletableFuture<>();
        int ackId;
        synchronized (this) {
            if (state != CONNECTED) {
                future.completeExceptionally(new IllegalStateException("socket " + id + " is not connected"));
                return future;
            }
            ackId = nextAckId++;
            if (acks == null) {
                acks = new HashMap<>(4);
            }
            acks.put(ackId, future);
        }
        try {
            client.send(namespace.server().encoder().event(namespace.name(), event, args, ackId));
        } catch (RuntimeException e) {
            removeAck(ackId);
            throw e;
        }
        namespace.observeEmit(id, event, args);
        var timer = client.session().loop().schedule(() -> {
            if (removeAck(ackId) != null) {
                namespace.server().workers().execute(() -> future.completeExceptionally(
                        new TimeoutException("no ack for " + event + " within " + timeout.toMillis() + " ms")));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        future.whenComplete((r, e) -> timer.cancel(false));
        return future;
    }

    private synchronized CompletableFuture<List<JsonNode>> removeAck(int ackId) {
        return acks == null ? null : acks.remove(ackId);
    }

    void sendAck(int ackId, Object[] args) {
        if (state == CONNECTED) {
            client.send(namespace.server().encoder().ack(namespace.name(), ackId, args));
        }
    }

    /** Sends a broadcast's shared frames (the caller keeps and releases its own references). */
    void deliver(EngineFrame[] frames) {
        if (state != CONNECTED) {
            return;
        }
        EngineFrame[] copies = new EngineFrame[frames.length];
        for (int i = 0; i < frames.length; i++) {
            copies[i] = frames[i].retainedDuplicate();
        }
        client.send(copies);
    }

    // ---- rooms -------------------------------------------------------------------------------

    @Override
    public void join(String... rooms) {
        synchronized (this) {
            if (state == CONNECTING) {
                if (pendingRooms == null) {
                    pendingRooms = new HashSet<>();
                }
                Collections.addAll(pendingRooms, rooms);
            } else if (state == CONNECTED) {
                namespace.adapter().addAll(id, Set.copyOf(Arrays.asList(rooms)));
            }
        }
    }

    @Override
    public void leave(String room) {
        synchronized (this) {
            if (state == CONNECTING) {
                if (pendingRooms != null) {
                    pendingRooms.remove(room);
                }
            } else if (state == CONNECTED) {
                namespace.adapter().del(id, room);
            }
        }
    }

    @Override
    public Set<String> rooms() {
        synchronized (this) {
            if (state == CONNECTING) {
                Set<String> rooms = new HashSet<>(pendingRooms == null ? Set.of() : pendingRooms);
                rooms.add(id);
                return Collections.unmodifiableSet(rooms);
            }
            return state == CONNECTED ? Set.copyOf(namespace.adapter().rooms(id)) : Set.of();
        }
    }

    @Override
    public Broadcast to(String... rooms) {
        return new BroadcastImpl(namespace, Set.copyOf(Arrays.asList(rooms)), Set.of(id), false);
    }

    // ---- handlers ----------------------------------------------------------------------------

    @Override
    public void on(String event, EventHandler handler) {
        Map<String, EventHandler> own = handlers;
        if (own == null) {
            synchronized (this) {
                if (handlers == null) {
                    handlers = new ConcurrentHashMap<>(4);
                }
                own = handlers;
            }
        }
        own.put(event, handler);
    }

    @Override
    public void onDisconnect(DisconnectHandler handler) {
        if (disconnectHandlers == null) {
            synchronized (this) {
                if (disconnectHandlers == null) {
                    disconnectHandlers = new CopyOnWriteArrayList<>();
                }
            }
        }
        disconnectHandlers.add(handler);
    }

    // ---- disconnect --------------------------------------------------------------------------

    @Override
    public void disconnect(boolean close) {
        if (close) {
            client.disconnectAll();
            return;
        }
        int previous = markDisconnected();
        if (previous == CONNECTED) {
            client.send(namespace.server().encoder().disconnect(namespace.name()));
        } else if (previous == CONNECTING) {
            client.send(namespace.server().encoder().connectError(namespace.name(), "server namespace disconnect", null));
        }
        closed(previous, "server namespace disconnect");
    }

    /** The client left, or the connection ended. */
    void onClose(String reason) {
        closed(markDisconnected(), reason);
    }

    private int markDisconnected() {
        synchronized (this) {
            int previous = state;
            if (previous == CONNECTED) {
                namespace.unregister(this);
            }
            state = DISCONNECTED;
            pendingRooms = null;
            return previous;
        }
    }

    private void closed(int previous, String reason) {
        if (previous == DISCONNECTED) {
            return;
        }
        client.remove(this);
        Map<Integer, CompletableFuture<List<JsonNode>>> unanswered;
        synchronized (this) {
            unanswered = acks;
            acks = null;
        }
        if (unanswered != null && !unanswered.isEmpty()) {
            namespace.server().workers().execute(() -> unanswered.values().forEach(f ->
                    f.completeExceptionally(new IllegalStateException("socket disconnected: " + reason))));
        }
        if (previous == CONNECTED) {
            serial.execute(() -> {
                namespace.observers().disconnected(this, reason);
                List<DisconnectHandler> list = disconnectHandlers;
                if (list != null) {
                    for (DisconnectHandler handler : list) {
                        try {
                            handler.disconnected(this, reason);
                        } catch (Exception e) {
                            log.warn("disconnect handler failed for socket {}", id, e);
                        }
                    }
                }
            });
        }
    }

    @Override
    public String toString() {
        return "Socket[" + id + " " + namespace.name() + "]";
    }
}
