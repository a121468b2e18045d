package dev.switchboard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;

/** The server both client interop tests talk to; its echo handlers run on the event loops, as the conformance server's do. */
final class InteropServer {

    private InteropServer() { }

    static SocketIoServer start() {
        SocketIoServer io = TestServers.echo(TestServers.config().build(), Blocking.NON_BLOCKING);
        Namespace main = io.namespace("/");
        main.on("join", (s, e) -> {
            s.join(e.arg(0).asText());
            e.ack().send();
        });
        main.on("shout", (s, e) -> {
            s.to(e.arg(0).asText()).emit("shout", e.arg(1));
            e.ack().send();
        });
        main.on("ask", (s, e) -> s.emitWithAck("question", Duration.ofSeconds(5), "a", 2, new byte[] {9, 8})
                .thenAccept(reply -> s.emit("answer", reply.toArray())));
        main.on("transport", (s, e) -> e.ack().send(s.transport()));
        io.namespace("/guarded").use(s -> {
            JsonNode token = s.handshake().auth().path("token");
            if (!token.asText().equals("letmein")) {
                throw new ConnectRejectedException("not allowed", Map.of("code", 7));
            }
        }).onConnection(s -> s.emit("welcome", s.handshake().auth()));
        return io;
    }
}
