package dev.switchboard.engine;

/**
 * A Socket.IO v4 server (Engine.IO 4, Socket.IO packet format 5) on Netty.
 *
 * <pre>{@code
 * SocketIoServer io = SocketIoServer.create(EngineConfig.builder().port(3000).build());
 * io.namespace("/").use(socket -> { ... });            // connection middlewares, in order
 * io.namespace("/").on("ping", (socket, event) -> event.ack().send("pong"));
 * io.start();
 * }</pre>
 *
 * Handlers (middlewares, connection, event and disconnect handlers) run on a worker pool: each
 * socket has its own serial queue there, so handlers of one socket run one at a time, in arrival
 * order, and may block (database calls). An event handler registered as
 * {@link Blocking#NON_BLOCKING} runs on the connection's event loop instead, in the same order.
 */
public interface SocketIoServer extends AutoCloseable {

    static SocketIoServer create(EngineConfig config) {
        return new dev.switchboard.engine.internal.NettySocketIoServer(config);
    }

    EngineConfig config();

    /** The namespace of that name, created on first use. {@code "/"} always exists. */
    Namespace namespace(String name);

    /**
     * Serves every path other than the Socket.IO path with that handler, on the same port (without
     * one they are answered 404). Call before {@link #start()}.
     */
    SocketIoServer http(HttpHandler handler);

    /** Binds the port and starts serving; returns once the port is bound. */
    SocketIoServer start();

    /** The bound port (useful with port 0). */
    int port();

    /**
     * Graceful stop: stops accepting connections and reading new packets, waits for handlers in
     * flight up to the given grace (their acks and emits still go out), then closes every
     * connection (clients are told with a websocket close or a polling close packet, so they
     * reconnect; disconnect handlers see {@code "server shutting down"}), interrupts handlers still
     * running and releases all threads. Returns within about the grace plus a second.
     */
    void stop(java.time.Duration grace);

    @Override
    default void close() {
        stop(java.time.Duration.ofSeconds(5));
    }
}
