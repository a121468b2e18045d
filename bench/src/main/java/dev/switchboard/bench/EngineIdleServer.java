package dev.switchboard.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.SocketIoServer;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Our engine alone with its default settings (25 s pings, like Node's socket.io defaults), for the idle
 * connections reference: the conformance server pings every 300 ms, which would not leave 10,000
 * connections idle. Greets and acks like the Node baseline (bench/node/server.js) does.
 */
@Command(name = "EngineIdleServer", description = "our engine alone, with its default settings")
public final class EngineIdleServer implements Callable<Integer> {

    @Option(names = "--host", description = "default 127.0.0.1")
    private String host = "127.0.0.1";

    @Option(names = "--port", description = "default 3000")
    private int port = 3000;

    private EngineIdleServer() {
    }

    public static void main(String[] argv) {
        System.exit(new CommandLine(new EngineIdleServer()).execute(argv));
    }

    @Override
    public Integer call() throws InterruptedException {
        SocketIoServer io = SocketIoServer.create(EngineConfig.builder()
                .host(host)
                .port(port)
                .maxConnectionsPerAddress(0) // the load comes from a few loopback addresses only
                .build());
        Namespace root = io.namespace("/");
        root.onConnection(socket -> socket.emit("auth", socket.handshake().auth().isMissingNode()
                ? JsonNodeFactory.instance.objectNode() : socket.handshake().auth()));
        root.on("message-with-ack", (socket, event) -> event.ack().send(event.args().toArray()));
        io.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> io.stop(Duration.ofSeconds(1))));
        Thread.currentThread().join();
        return 0;
    }
}
