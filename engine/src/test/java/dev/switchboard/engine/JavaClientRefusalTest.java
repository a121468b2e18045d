package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A socket.io-client-java (OkHttp 3) client that breaks a rule learns it at once. That client stops
 * reading at a websocket close frame without reacting to it, so the refusal must not rely on the
 * close frame alone.
 */
class JavaClientRefusalTest {

    static final int MAX_PAYLOAD = 10_000;
    static final Duration PROMPTLY = Duration.ofSeconds(2);

    SocketIoServer io;
    CompletableFuture<String> serverSideReason = new CompletableFuture<>();
    CompletableFuture<String> clientSideReason = new CompletableFuture<>();
    Socket client;

    @BeforeEach
    void start() throws Exception {
        // heartbeat far beyond the test: only the refusal itself may end the connection
        io = SocketIoServer.create(TestServers.config().maxPayload(MAX_PAYLOAD)
                .pingInterval(Duration.ofSeconds(30)).pingTimeout(Duration.ofSeconds(30)).build());
        io.namespace("/").onConnection(s -> s.onDisconnect((socket, reason) -> serverSideReason.complete(reason)));
        io.namespace("/").on("echo", (s, e) -> e.ack().send(e.args().toArray()));
        io.start();

        client = IO.socket(URI.create("http://127.0.0.1:" + io.port()), IO.Options.builder()
                .setTransports(new String[] {WebSocket.NAME}).setForceNew(true).setReconnection(false).build());
        CompletableFuture<Void> connected = new CompletableFuture<>();
        client.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        client.on(Socket.EVENT_DISCONNECT, args -> clientSideReason.complete(String.valueOf(args[0])));
        client.connect();
        connected.get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        client.close();
        io.close();
    }

    @Test
    void aMessageOverMaxPayloadDisconnectsTheClientAtOnce() throws Exception {
        client.emit("echo", "x".repeat(MAX_PAYLOAD + 1024));

        assertThat(clientSideReason.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("io server disconnect");
        assertThat(client.connected()).isFalse();
        assertThat(serverSideReason.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("transport error");
    }

    @Test
    void jsonNestedDeeperThanTheParserAllowsDisconnectsTheClientAtOnce() throws Exception {
        client.emit("echo", nested(1001));

        assertThat(clientSideReason.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("io server disconnect");
        assertThat(serverSideReason.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("parse error");
    }

    @Test
    void jsonNestedWithinTheParserLimitIsAnEventLikeAnyOther() throws Exception {
        CompletableFuture<Object[]> echoed = new CompletableFuture<>();
        client.emit("echo", new Object[] {nested(900)}, (Ack) echoed::complete);

        assertThat(echoed.get(5, TimeUnit.SECONDS)[0].toString()).isEqualTo(nested(900).toString());
        assertThat(client.connected()).isTrue();
    }

    /** {@code depth} arrays, each inside the one before. */
    static JSONArray nested(int depth) {
        JSONArray outer = new JSONArray();
        for (int i = 1; i < depth; i++) {
            outer = new JSONArray().put(outer);
        }
        return outer;
    }
}
