package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The namespace's gate sees each event as it arrives, with how many events wait for a worker before it; an event
 * it refuses is answered by the gate at once, ahead of the socket's queued events, and never reaches a handler.
 */
class EventGateTest {

    static SocketIoServer io;
    static HttpClient http;
    static final List<String> handled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        io = SocketIoServer.create(TestServers.config().build());
        Namespace nsp = io.namespace("/");
        nsp.on("slow", (s, e) -> {
            Thread.sleep(300);
            handled.add("slow");
            e.ack().send("slow");
        });
        nsp.on("later", (s, e) -> {
            handled.add("later " + e.arg(0).asText());
            e.ack().send("later");
        });
        nsp.gate((socket, event, waiting) -> {
            if (!event.arg(0).asText().equals("refuse")) {
                return true;
            }
            event.ack().send("refused with " + waiting + " waiting");
            return false;
        });
        io.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        io.close();
    }

    @Test
    void aRefusedEventIsAnsweredAtOnceAndNeverRuns() throws Exception {
        try (RawWebSocket ws = RawWebSocket.connectedToMainNamespace(http, io.port())) {
            ws.send("421[\"slow\"]");
            Thread.sleep(50); // a worker has started it: nothing waits
            ws.send("422[\"later\",\"a\"]").send("423[\"later\",\"refuse\"]").send("424[\"later\",\"b\"]");
            // "a" waits behind "slow" on the socket's queue when the refused event arrives
            assertThat(ws.nextText()).isEqualTo("433[\"refused with 1 waiting\"]");
            assertThat(ws.nextText()).isEqualTo("431[\"slow\"]");
            assertThat(ws.nextText()).isEqualTo("432[\"later\"]");
            assertThat(ws.nextText()).isEqualTo("434[\"later\"]");
            assertThat(handled).containsExactly("slow", "later a", "later b");
        }
    }
}
