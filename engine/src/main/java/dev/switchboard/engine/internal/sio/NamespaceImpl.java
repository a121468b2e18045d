package dev.switchboard.engine.internal.sio;

import dev.switchboard.engine.Adapter;
import dev.switchboard.engine.Blocking;
import dev.switchboard.engine.Broadcast;
import dev.switchboard.engine.ConnectionHandler;
import dev.switchboard.engine.EventGate;
import dev.switchboard.engine.EventHandler;
import dev.switchboard.engine.InMemoryAdapter;
import dev.switchboard.engine.LocalDelivery;
import dev.switchboard.engine.Middleware;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.NamespaceObserver;
import dev.switchboard.engine.OutboundPacket;
import dev.switchboard.engine.Socket;
import dev.switchboard.engine.SocketInfo;
import dev.switchboard.engine.internal.eio.EngineFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A namespace, and the node-local side its adapter delivers through. */
final class NamespaceImpl implements Namespace, LocalDelivery {

    private final String name;
    private final SioServer server;
    private final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
    private final List<ConnectionHandler> connectionHandlers = new CopyOnWriteArrayList<>();
    private final Map<String, EventHandler> routes = new ConcurrentHashMap<>();
    private final Set<String> nonBlockingRoutes = ConcurrentHashMap.newKeySet();
    private final Observers observers = new Observers();
    private final Map<String, SocketImpl> sockets = new ConcurrentHashMap<>();
    private final Adapter adapter;
    private volatile EventHandler unhandled;
    private volatile EventGate gate = EventGate.OPEN;

    NamespaceImpl(String name, SioServer server) {
        this.name = name;
        this.server = server;
        this.adapter = server.config().adapterFactory() == null ? new InMemoryAdapter(this)
                : server.config().adapterFactory().create(this);
    }

    SioServer server() {
        return server;
    }

    List<Middleware> middlewares() {
        return middlewares;
    }

    List<ConnectionHandler> connectionHandlers() {
        return connectionHandlers;
    }

    Observers observers() {
        return observers;
    }

    EventHandler route(String event) {
        EventHandler handler = routes.get(event);
        return handler != null ? handler : unhandled;
    }

    EventGate gate() {
        return gate;
    }

    /** Whether the route of that event declared itself {@link Blocking#NON_BLOCKING}. */
    boolean routeNeverBlocks(String event) {
        return nonBlockingRoutes.contains(event);
    }

    void register(SocketImpl socket, Set<String> rooms) {
        sockets.put(socket.id(), socket);
        adapter.addAll(socket.id(), rooms);
    }

    void unregister(SocketImpl socket) {
        adapter.delAll(socket.id());
        sockets.remove(socket.id(), socket);
    }

    void observeEmit(String socketId, String event, Object[] args) {
        if (!observers.isEmpty()) {
            observers.emitted(socketId, Set.of(), event, server.toJson(args));
        }
    }

    // ---- Namespace ---------------------------------------------------------------------------

    @Override
    public String name() {
        return name;
    }

    @Override
    public Namespace use(Middleware middleware) {
        middlewares.add(middleware);
        return this;
    }

    @Override
    public Namespace onConnection(ConnectionHandler handler) {
        connectionHandlers.add(handler);
        return this;
    }

    @Override
    public Namespace on(String event, Blocking blocking, EventHandler handler) {
        routes.put(event, handler);
        if (blocking == Blocking.NON_BLOCKING) {
            nonBlockingRoutes.add(event);
        } else {
            nonBlockingRoutes.remove(event);
        }
        return this;
    }

    @Override
    public Namespace gate(EventGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
        return this;
    }

    @Override
    public Namespace onUnhandledEvent(EventHandler handler) {
        unhandled = handler;
        return this;
    }

    @Override
    public Namespace observe(NamespaceObserver observer) {
        observers.add(observer);
        return this;
    }

    @Override
    public void emit(String event, Object... args) {
        new BroadcastImpl(this, Set.of(), Set.of(), false).emit(event, args);
    }

    @Override
    public Broadcast to(String... rooms) {
        return new BroadcastImpl(this, Set.copyOf(Arrays.asList(rooms)), Set.of(), false);
    }

    @Override
    public Broadcast except(String... rooms) {
        return new BroadcastImpl(this, Set.of(), Set.copyOf(Arrays.asList(rooms)), false);
    }

    @Override
    public Collection<Socket> sockets() {
        return Collections.unmodifiableCollection(sockets.values());
    }

    @Override
    public Optional<Socket> socket(String id) {
        return Optional.ofNullable(sockets.get(id));
    }

    @Override
    public Adapter adapter() {
        return adapter;
    }

    // ---- LocalDelivery -----------------------------------------------------------------------

    @Override
    public String namespace() {
        return name;
    }

    @Override
    public String node() {
        return server.config().nodeName();
    }

    @Override
    public void deliver(OutboundPacket packet, Set<String> socketIds) {
        if (socketIds.isEmpty()) {
            return;
        }
        EngineFrame[] frames = server.encoder().event(name, packet.event(), packet.args());
        try {
            for (String id : socketIds) {
                SocketImpl socket = sockets.get(id);
                if (socket != null) {
                    socket.deliver(frames);
                }
            }
        } finally {
            for (EngineFrame frame : frames) {
                frame.release();
            }
        }
    }

    @Override
    public void join(Set<String> socketIds, Set<String> rooms) {
        String[] names = rooms.toArray(String[]::new);
        forEach(socketIds, s -> s.join(names));
    }

    @Override
    public void leave(Set<String> socketIds, Set<String> rooms) {
        forEach(socketIds, s -> rooms.forEach(s::leave));
    }

    @Override
    public void disconnect(Set<String> socketIds, boolean close) {
        forEach(socketIds, s -> s.disconnect(close));
    }

    @Override
    public List<SocketInfo> describe(Set<String> socketIds) {
        List<SocketInfo> infos = new ArrayList<>(socketIds.size());
        forEach(socketIds, s -> infos.add(new SocketInfo(s.id(), name, s.rooms(), s.handshake(), s.transport(),
                Map.copyOf(s.data()), node())));
        return infos;
    }

    private void forEach(Set<String> socketIds, java.util.function.Consumer<SocketImpl> action) {
        for (String id : socketIds) {
            SocketImpl socket = sockets.get(id);
            if (socket != null) {
                action.accept(socket);
            }
        }
    }
}
