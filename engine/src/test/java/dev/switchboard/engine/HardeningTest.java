package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Limits and shutdown: slow readers, graceful stop. Real servers, real sockets. */
class HardeningTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String CHUNK = "x".repeat(64 * 1024);

    /** A server whose "flood" event emits 32 MiB to the caller; disconnect reasons land in the returned future. */
    static SocketIoServer floodServer(CompletableFuture<String> disconnectReason) {
        SocketIoServer io = SocketIoServer.create(TestServers.config()
                .pingInterval(Duration.ofSeconds(20)).pingTimeout(Duration.ofSeconds(20))
                .outboundBufferLimit(512 * 1024).build());
        io.namespace("/").onConnection(s -> s.onDisconnect((socket, reason) -> disconnectReason.complete(reason)));
        io.namespace("/").on("flood", (s, e) -> {
            for (int i = 0; i < 512 && s.connected(); i++) {
                s.emit("chunk", CHUNK);
            }
        });
        return io.start();
    }

    @Test
    void aWebSocketClientThatDoesNotReadIsDisconnectedWithAReason() throws Exception {
        CompletableFuture<String> reason = new CompletableFuture<>();
        try (SocketIoServer io = floodServer(reason);
             java.net.Socket tcp = new java.net.Socket()) {
            tcp.setReceiveBufferSize(4096);
            tcp.connect(new InetSocketAddress("127.0.0.1", io.port()));
            OutputStream out = tcp.getOutputStream();
            out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(RawHttp.readHeaders(tcp.getInputStream())).startsWith("HTTP/1.1 101");
            out.write(maskedText("40"));
            out.write(maskedText("42[\"flood\"]"));
            out.flush();
            // from here on the client reads nothing
            assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo("outbound buffer full");
        }
    }

    @Test
    void aPollingClientThatDoesNotPollIsDisconnectedWithAReason() throws Exception {
        CompletableFuture<String> reason = new CompletableFuture<>();
        try (SocketIoServer io = floodServer(reason)) {
            String base = "http://127.0.0.1:" + io.port() + "/socket.io/?EIO=4&transport=polling";
            String open = http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString()).body();
            String session = base + "&sid=" + JSON.readTree(open.substring(1)).get("sid").asText();
            post(session, "40");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(session)).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .startsWith("40");
            post(session, "42[\"flood\"]");
            assertThat(reason.get(10, TimeUnit.SECONDS)).isEqualTo("outbound buffer full");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(session)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(400);
        }
    }

    @Test
    void stopFinishesHandlersInFlightTellsClientsAndReleasesThreads() throws Exception {
        CompletableFuture<String> reason = new CompletableFuture<>();
        SocketIoServer io = SocketIoServer.create(TestServers.config().build());
        io.namespace("/").onConnection(s -> s.onDisconnect((socket, r) -> reason.complete(r)));
        io.namespace("/").on("slow", (s, e) -> {
            Thread.sleep(500);
            e.ack().send("done");
        });
        io.start();
        int port = io.port();
        RawWebSocket ws = new RawWebSocket(http, "ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket");
        assertThat(ws.nextText()).startsWith("0{");
        ws.send("40");
        assertThat(ws.nextText()).startsWith("40{");
        ws.send("421[\"slow\"]");
        Thread.sleep(100); // the handler is running

        long start = System.nanoTime();
        io.stop(Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(ws.nextText()).as("the ack of the handler in flight").isEqualTo("431[\"done\"]");
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo("server shutting down");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(4));
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertNoEngineThreadsWithin(Duration.ofSeconds(2));
    }

    @Test
    void stopDoesNotWaitBeyondTheGraceForAStuckHandler() throws Exception {
        SocketIoServer io = SocketIoServer.create(TestServers.config().build());
        io.namespace("/").on("stuck", (s, e) -> Thread.sleep(30_000));
        io.start();
        RawWebSocket ws = new RawWebSocket(http, "ws://127.0.0.1:" + io.port() + "/socket.io/?EIO=4&transport=websocket");
        ws.nextText();
        ws.send("40");
        ws.nextText();
        ws.send("42[\"stuck\"]");
        Thread.sleep(100);

        long start = System.nanoTime();
        io.stop(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
        assertNoEngineThreadsWithin(Duration.ofSeconds(2));
    }

    @Test
    void aTakenPortIsAClearErrorAndLeavesNoThreadsBehind() throws Exception {
        try (SocketIoServer first = SocketIoServer.create(TestServers.config().build()).start()) {
            SocketIoServer second = SocketIoServer.create(TestServers.config().port(first.port()).build());
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on")
                    .hasMessageContaining(":" + first.port());
            second.stop(Duration.ZERO);
        }
        assertNoEngineThreadsWithin(Duration.ofSeconds(3));
    }

    private static void assertNoEngineThreadsWithin(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (engineThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(engineThreads()).as("live sio-* threads after stop").isZero();
    }

    private static long engineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("sio-")).count();
    }

    private static void post(String url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("ok");
    }

    /** A client-to-server text frame (FIN, masked with a zero key, so the payload stays as is). */
    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(payload, 0, frame, 6, payload.length);
        return frame;
    }
}
