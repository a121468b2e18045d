package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Room membership as clients see it: who a broadcast reaches after joins, leaves and disconnects. */
class RoomsTest {

    static SocketIoServer io;
    static HttpClient http;

    @BeforeAll
    static void start() {
        // no heartbeat during the test: drain() reads raw messages, a ping would be one of them
        io = SocketIoServer.create(TestServers.config().pingInterval(Duration.ofSeconds(25))
                .pingTimeout(Duration.ofSeconds(20)).build());
        Namespace nsp = io.namespace("/");
        nsp.on("join", (s, e) -> {
            s.join(strings(e.arg(0)));
            e.ack().send(new TreeSet<>(s.rooms()).stream().filter(r -> !r.equals(s.id())).toList());
        });
        nsp.on("leave", (s, e) -> {
            s.leave(e.arg(0).asText());
            e.ack().send(new TreeSet<>(s.rooms()).stream().filter(r -> !r.equals(s.id())).toList());
        });
        nsp.on("shout", (s, e) -> {
            nsp.to(strings(e.arg(0))).except(strings(e.arg(1))).emit("shout", e.arg(2));
            e.ack().send();
        });
        io.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        io.close();
    }

    static String[] strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values.toArray(String[]::new);
    }

    static RawWebSocket connected() throws Exception {
        return RawWebSocket.connectedToMainNamespace(http, io.port());
    }

    /** Shouts; returns once the shouter's ack arrived (the shout went out before it), with what the shouter got meanwhile. */
    static List<String> shout(RawWebSocket from, String to, String except, String text) throws Exception {
        from.send("429[\"shout\"," + to + "," + except + ",\"" + text + "\"]");
        List<String> before = new ArrayList<>();
        String message;
        while (!(message = from.nextText()).equals("439[]")) {
            before.add(message);
        }
        return before;
    }

    static List<String> drain(RawWebSocket ws) throws Exception {
        List<String> got = new ArrayList<>();
        Object message;
        while ((message = ws.messages.poll(300, TimeUnit.MILLISECONDS)) != null) {
            got.add((String) message);
        }
        return got;
    }

    @Test
    void broadcastsReachTheRoomsMembersMinusTheExceptedOnes() throws Exception {
        try (RawWebSocket a = connected(); RawWebSocket b = connected(); RawWebSocket c = connected()) {
            a.send("421[\"join\",[\"news\",\"sport\",\"news\"]]");
            assertThat(a.nextText()).isEqualTo("431[[\"news\",\"sport\"]]");
            b.send("421[\"join\",[\"news\"]]");
            assertThat(b.nextText()).isEqualTo("431[[\"news\"]]");
            c.send("421[\"join\",[\"sport\",\"weather\"]]");
            assertThat(c.nextText()).isEqualTo("431[[\"sport\",\"weather\"]]");

            assertThat(shout(c, "[\"news\",\"sport\",\"news\"]", "[\"weather\"]", "one")).isEmpty();
            assertThat(drain(a)).containsExactly("42[\"shout\",\"one\"]");
            assertThat(drain(b)).containsExactly("42[\"shout\",\"one\"]");
            assertThat(drain(c)).isEmpty();

            a.send("422[\"leave\",\"news\"]");
            assertThat(a.nextText()).isEqualTo("432[[\"sport\"]]");
            assertThat(shout(c, "[\"news\"]", "[]", "two")).isEmpty();
            assertThat(drain(b)).containsExactly("42[\"shout\",\"two\"]");
            assertThat(drain(a)).isEmpty();

            b.close();
            Thread.sleep(300); // the server notices the close
            assertThat(shout(c, "[\"news\",\"sport\"]", "[]", "three")).containsExactly("42[\"shout\",\"three\"]");
            assertThat(drain(a)).containsExactly("42[\"shout\",\"three\"]");
            assertThat(io.namespace("/").adapter().sockets(java.util.Set.of("news"))).isEmpty();
        }
    }
}
