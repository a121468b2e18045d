package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where handlers run, as their registration declares, that one socket's events keep their order, and that an
 * event the namespace's gate refuses as it arrives is answered by the gate, ahead of the socket's queued events,
 * and never reaches a handler.
 */
class HandlerThreadsTest {

    static SocketIoServer io;
    static HttpClient http;
    static final List<String> handled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        io = SocketIoServer.create(TestServers.config().build());
        Namespace nsp = io.namespace("/");
        nsp.on("where", (s, e) -> e.ack().send(Thread.currentThread().getName()));
        nsp.on("where-fast", Blocking.NON_BLOCKING, (s, e) -> e.ack().send(Thread.currentThread().getName()));
        nsp.on("slow", (s, e) -> {
            Thread.sleep(300);
            handled.add("slow " + e.arg(0).asText());
            e.ack().send("slow");
        });
        nsp.on("fast", Blocking.NON_BLOCKING, (s, e) -> {
            handled.add("fast " + e.arg(0).asText());
            e.ack().send("fast");
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

    static RawWebSocket connected() throws Exception {
        return RawWebSocket.connectedToMainNamespace(http, io.port());
    }

    @Test
    void aNonBlockingHandlerRunsOnTheEventLoopAndOthersOnTheWorkerPool() throws Exception {
        try (RawWebSocket ws = connected()) {
            ws.send("421[\"where\"]");
            assertThat(ws.nextText()).startsWith("431[\"sio-worker");
            // the worker that answered may still be finishing its turn for this socket, and a non-blocking
            // event queues behind it to keep the order: once the socket is idle it runs on the event loop
            String fast = "";
            for (int i = 0; i < 40 && !fast.contains("[\"sio-io"); i++) {
                Thread.sleep(25);
                ws.send("42" + (2 + i) + "[\"where-fast\"]");
                fast = ws.nextText();
                assertThat(fast).matches("43" + (2 + i) + "\\[\"sio-(io|worker).*");
            }
            assertThat(fast).contains("[\"sio-io");
        }
    }

    @Test
    void aNonBlockingEventWaitsForTheBlockingOneBeforeItOfTheSameSocket() throws Exception {
        try (RawWebSocket ws = connected(); RawWebSocket other = connected()) {
            ws.send("421[\"slow\",\"a\"]").send("422[\"fast\",\"a\"]");
            other.send("423[\"fast\",\"b\"]");
            assertThat(other.nextText()).as("another socket's fast event does not wait").isEqualTo("433[\"fast\"]");
            assertThat(ws.nextText()).isEqualTo("431[\"slow\"]");
            assertThat(ws.nextText()).isEqualTo("432[\"fast\"]");
            assertThat(handled).containsSubsequence("fast b", "slow a", "fast a");
        }
    }

    @Test
    void anEventTheGateRefusesIsAnsweredAtOnceAndNeverRuns() throws Exception {
        try (RawWebSocket ws = connected()) {
            ws.send("421[\"slow\",\"c\"]");
            Thread.sleep(50); // a worker has started it: nothing waits
            ws.send("422[\"later\",\"c\"]").send("423[\"later\",\"refuse\"]").send("424[\"later\",\"d\"]");
            // "later c" waits behind "slow c" on the socket's queue when the refused event arrives
            assertThat(ws.nextText()).isEqualTo("433[\"refused with 1 waiting\"]");
            assertThat(ws.nextText()).isEqualTo("431[\"slow\"]");
            assertThat(ws.nextText()).isEqualTo("432[\"later\"]");
            assertThat(ws.nextText()).isEqualTo("434[\"later\"]");
            assertThat(handled).containsSubsequence("slow c", "later c", "later d").doesNotContain("later refuse");
        }
    }
}
