package dev.switchboard.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.SocketIoServer;
import java.time.Duration;
import java.util.List;

/**
 * The engine configured as the reference server of the official socket.io-protocol test suite.
 * Usage: {@code ConformanceServer [--port N]} (default 3000).
 */
public final class ConformanceServer {

    private ConformanceServer() { }

    public static void main(String[] args) throws InterruptedException {
        int port = 3000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        SocketIoServer io = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> io.stop(Duration.ofSeconds(1))));
        Thread.currentThread().join();
    }

    public static SocketIoServer start(int port) {
        EngineConfig config = EngineConfig.builder()
                .port(port)
                .pingInterval(Duration.ofMillis(300))
                .pingTimeout(Duration.ofMillis(200))
                .maxPayload(1_000_000)
                .connectTimeout(Duration.ofMillis(1000))
                .corsOrigins(List.of("*"))
                .build();
        SocketIoServer io = SocketIoServer.create(config);
        configure(io.namespace("/"));
        configure(io.namespace("/custom"));
        return io.start();
    }

    private static void configure(Namespace namespace) {
        namespace.onConnection(socket -> {
            JsonNode auth = socket.handshake().auth();
            socket.emit("auth", auth.isMissingNode() ? EMPTY : auth);
        });
        namespace.on("message", (socket, event) -> socket.emit("message-back", event.args().toArray()));
        namespace.on("message-with-ack", (socket, event) -> event.ack().send(event.args().toArray()));
    }

    private static final JsonNode EMPTY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
}
