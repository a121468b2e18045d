package dev.switchboard.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.Blocking;
import dev.switchboard.engine.EngineConfig;
import dev.switchboard.engine.Namespace;
import dev.switchboard.engine.SocketIoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The engine configured as the reference server of the official socket.io-protocol test suite.
 * Usage: {@code ConformanceServer [--port N] [--write-gap-ms N] [--ping-interval-ms N] [--ping-timeout-ms N]}
 * (defaults 3000, {@value #DEFAULT_WRITE_GAP_MS}, 300 and 200). A benchmark wants
 * {@code --write-gap-ms 0} and the usual heartbeat (25000 / 20000), so that a saturated client is
 * not dropped for answering a ping late.
 *
 * <p>The suite's client reads websocket messages with once-listeners ({@code waitFor}), so it
 * loses a packet that arrives in the same read as the one it waits for; this server therefore
 * pauses between websocket writes ({@link WebSocketWriteGap}, a stage it appends to every
 * connection's pipeline). A few milliseconds are enough on an idle machine; the default leaves room
 * for a busy one. Its handlers never block, so they run on the event loops.
 *
 * <p>It lives with the tests: it is a harness, not part of the engine a server ships.
 *
 * <p>One deliberate difference from the reference configuration of the suite's Readme:
 * {@code connectTimeout} is 5 s instead of 1 s. The Engine.IO heartbeat test over long-polling
 * holds a session without any namespace for three 300 ms ping cycles, which exceeds 1 s on a busy
 * machine, and the connect timeout then closes it. No test of the suite depends on the 1 s value
 * (a client that never sends CONNECT is closed by the 500 ms ping timeout first).
 */
@Command(name = "scripts/conformance-server", sortOptions = false,
        description = "The engine alone, configured as the reference server of the official socket.io-protocol"
                + " test suite.")
public final class ConformanceServer implements Callable<Integer> {

    static final int DEFAULT_WRITE_GAP_MS = 40;

    @Option(names = "--port", paramLabel = "N", description = "port (default 3000)")
    private int port = 3000;

    @Option(names = "--write-gap-ms", paramLabel = "N",
            description = "pause between websocket writes (default " + DEFAULT_WRITE_GAP_MS + "; 0 for a benchmark)")
    private int writeGapMs = DEFAULT_WRITE_GAP_MS;

    @Option(names = "--ping-interval-ms", paramLabel = "N", description = "default 300")
    private int pingIntervalMs = 300;

    @Option(names = "--ping-timeout-ms", paramLabel = "N", description = "default 200")
    private int pingTimeoutMs = 200;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this text")
    private boolean help;

    private ConformanceServer() { }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ConformanceServer()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        for (int value : new int[] {port, writeGapMs, pingIntervalMs, pingTimeoutMs}) {
            if (value < 0) {
                throw new ParameterException(new CommandLine(this), "every option takes a whole number from 0, not "
                        + value);
            }
        }
        SocketIoServer io = start(port, Duration.ofMillis(writeGapMs), Duration.ofMillis(pingIntervalMs),
                Duration.ofMillis(pingTimeoutMs));
        warmUp(io.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> io.stop(Duration.ofSeconds(1))));
        Thread.currentThread().join();
        return 0;
    }

    public static SocketIoServer start(int port, Duration writeGap) {
        return start(port, writeGap, Duration.ofMillis(300), Duration.ofMillis(200));
    }

    public static SocketIoServer start(int port, Duration writeGap, Duration pingInterval, Duration pingTimeout) {
        EngineConfig config = EngineConfig.builder()
                .port(port)
                .pingInterval(pingInterval)
                .pingTimeout(pingTimeout)
                .maxPayload(1_000_000)
                .connectTimeout(Duration.ofSeconds(5))
                .corsOrigins(List.of("*"))
                .pipelineExtension(pipeline -> {
                    if (!writeGap.isZero()) {
                        pipeline.addLast("websocket-write-gap", new WebSocketWriteGap(writeGap.toNanos()));
                    }
                })
                .build();
        SocketIoServer io = SocketIoServer.create(config);
        configure(io.namespace("/"));
        configure(io.namespace("/custom"));
        return io.start();
    }

    /**
     * One session per transport through the loopback before the suite starts, so that its first
     * test does not pay for class loading and a cold JIT (it has a 2 s timeout).
     */
    private static void warmUp(int port) {
        String base = "http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            String open = http.send(HttpRequest.newBuilder(URI.create(base + "polling")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String sid = open.substring(open.indexOf("\"sid\":\"") + 7, open.indexOf('"', open.indexOf("\"sid\":\"") + 7));
            http.send(HttpRequest.newBuilder(URI.create(base + "polling&sid=" + sid))
                    .POST(HttpRequest.BodyPublishers.ofString("40\u001e1")).build(), HttpResponse.BodyHandlers.discarding());
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "websocket"),
                    new WebSocket.Listener() { }).get(5, TimeUnit.SECONDS);
            ws.sendText("40", true).get(5, TimeUnit.SECONDS);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("warm-up failed (the server still runs): " + e);
        }
    }

    private static void configure(Namespace namespace) {
        namespace.onConnection(socket -> {
            JsonNode auth = socket.handshake().auth();
            socket.emit("auth", auth.isMissingNode() ? EMPTY : auth);
        });
        namespace.on("message", Blocking.NON_BLOCKING, (socket, event) -> socket.emit("message-back", event.args().toArray()));
        namespace.on("message-with-ack", Blocking.NON_BLOCKING, (socket, event) -> event.ack().send(event.args().toArray()));
    }

    private static final JsonNode EMPTY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
}
