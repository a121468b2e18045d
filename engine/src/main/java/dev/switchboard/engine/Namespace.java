package dev.switchboard.engine;

import java.util.Collection;
import java.util.Optional;

/** A Socket.IO namespace: its middlewares, its event routes, its sockets and its adapter. */
public interface Namespace {

    String name();

    /** Appends a connection middleware; they run in the order added, before any handler sees the socket. */
    Namespace use(Middleware middleware);

    /** Called once per socket after every middleware admitted it and CONNECT was answered. */
    Namespace onConnection(ConnectionHandler handler);

    /** Routes an event name to a handler that may block, for every socket of this namespace. */
    default Namespace on(String event, EventHandler handler) {
        return on(event, Blocking.MAY_BLOCK, handler);
    }

    /**
     * Routes an event name to a handler, for every socket of this namespace, on the thread its
     * {@link Blocking} declaration asks for. Either way one socket's events are handled one at a
     * time, in arrival order: an event for a {@code NON_BLOCKING} handler that arrives while an
     * earlier one of the same socket is still queued or running waits for it on the worker pool.
     */
    Namespace on(String event, Blocking blocking, EventHandler handler);

    /**
     * Sets the gate every event of this namespace passes as it arrives, before it queues for a worker
     * ({@link EventGate#OPEN} until set).
     */
    Namespace gate(EventGate gate);

    /** Receives events that no route and no per-socket handler takes. */
    Namespace onUnhandledEvent(EventHandler handler);

    /** Observes traffic of this namespace (incoming events, acks, outgoing emits); see {@link NamespaceObserver}. */
    Namespace observe(NamespaceObserver observer);

    /** Emits to every socket of this namespace (across nodes when the adapter spans several). */
    void emit(String event, Object... args);

    Broadcast to(String... rooms);

    Broadcast except(String... rooms);

    /** Sockets connected to this node. */
    Collection<Socket> sockets();

    Optional<Socket> socket(String id);

    Adapter adapter();
}
