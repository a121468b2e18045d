package dev.switchboard.engine;

import java.time.Duration;
import java.util.List;

/** Engines for tests: ephemeral port, loopback, short timers. */
final class TestServers {

    private TestServers() { }

    static EngineConfig.Builder config() {
        return EngineConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .pingInterval(Duration.ofMillis(1000))
                .pingTimeout(Duration.ofMillis(1000))
                .connectTimeout(Duration.ofMillis(1500))
                .workerThreads(4)
                .corsOrigins(List.of("*"));
    }

    /** The echo behaviour of the official test suite's reference server, on {@code /} and {@code /custom}. */
    static SocketIoServer echo(EngineConfig config) {
        return echo(config, Blocking.MAY_BLOCK);
    }

    /** The same, its echo handlers registered as {@code blocking} (on the worker pool or the event loop). */
    static SocketIoServer echo(EngineConfig config, Blocking blocking) {
        SocketIoServer io = SocketIoServer.create(config);
        for (String name : List.of("/", "/custom")) {
            Namespace nsp = io.namespace(name);
            nsp.onConnection(s -> s.emit("auth", s.handshake().auth().isMissingNode()
                    ? config.objectMapper().createObjectNode() : s.handshake().auth()));
            nsp.on("message", blocking, (s, e) -> s.emit("message-back", e.args().toArray()));
            nsp.on("message-with-ack", blocking, (s, e) -> e.ack().send(e.args().toArray()));
        }
        return io.start();
    }
}
