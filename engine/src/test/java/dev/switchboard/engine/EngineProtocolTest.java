package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Engine.IO v4 and Socket.IO v5 on the wire: raw HTTP requests and raw websocket frames. */
class EngineProtocolTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static SocketIoServer io;
    static HttpClient http;
    static String base;
    static String wsBase;

    @BeforeAll
    static void start() {
        io = TestServers.echo(TestServers.config().maxPayload(10_000).build());
        io.namespace("/guarded").use(s -> {
            s.join("should-not-stay");
            throw new ConnectRejectedException("not allowed", Map.of("code", 7));
        });
        io.namespace("/broken").use(s -> {
            throw new IllegalStateException("boom");
        });
        io.namespace("/").on("kick", (s, e) -> s.disconnect(true));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        base = "http://127.0.0.1:" + io.port() + "/socket.io/?EIO=4";
        wsBase = "ws://127.0.0.1:" + io.port() + "/socket.io/?EIO=4&transport=websocket";
    }

    @AfterAll
    static void stop() {
        io.close();
    }

    static HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + query)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String query, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + query)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String openPolling() throws Exception {
        HttpResponse<String> open = get("&transport=polling");
        return JSON.readTree(open.body().substring(1)).get("sid").asText();
    }

    /** A polling session connected to {@code /}, with the "auth" emit already collected. */
    static String connectedPolling() throws Exception {
        String sid = openPolling();
        assertThat(post("&transport=polling&sid=" + sid, "40").body()).isEqualTo("ok");
        String connect = get("&transport=polling&sid=" + sid).body();
        if (!connect.contains("42[\"auth\"")) {
            connect += "\u001e" + get("&transport=polling&sid=" + sid).body();
        }
        assertThat(connect).startsWith("40{\"sid\":").endsWith("42[\"auth\",{}]");
        return sid;
    }

    static RawWebSocket connectedWebSocket(String auth) throws Exception {
        RawWebSocket ws = new RawWebSocket(http, wsBase);
        assertThat(ws.nextText()).startsWith("0{");
        ws.send(auth == null ? "40" : "40" + auth);
        assertThat(ws.nextText()).startsWith("40{\"sid\":");
        assertThat(ws.nextText()).isEqualTo("42[\"auth\"," + (auth == null ? "{}" : auth) + "]");
        return ws;
    }

    @Test
    void pollingHandshakeAdvertisesSessionAndLimits() throws Exception {
        HttpResponse<String> response = get("&transport=polling");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("0");
        JsonNode open = JSON.readTree(response.body().substring(1));
        assertThat(open.get("sid").asText()).hasSize(20);
        assertThat(open.get("upgrades")).containsExactly(JSON.getNodeFactory().textNode("websocket"));
        assertThat(open.get("pingInterval").asInt()).isEqualTo(1000);
        assertThat(open.get("pingTimeout").asInt()).isEqualTo(1000);
        assertThat(open.get("maxPayload").asInt()).isEqualTo(10_000);
    }

    @Test
    void websocketHandshakeOffersNoUpgrade() throws Exception {
        try (RawWebSocket ws = new RawWebSocket(http, wsBase)) {
            JsonNode open = JSON.readTree(ws.nextText().substring(1));
            assertThat(open.get("upgrades")).isEmpty();
            assertThat(open.get("sid").asText()).isNotEmpty();
        }
    }

    @Test
    void badRequestsGet400WithTheStandardBody() throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base.replace("EIO=4", "") + "&transport=polling")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base.replace("EIO=4", "EIO=3") + "&transport=polling")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
        assertError(get(""), 0);
        assertError(get("&transport=carrier-pigeon"), 0);
        assertError(post("&transport=polling", "40"), 2);
        assertError(get("&transport=polling&sid=nope"), 1);
        assertError(post("&transport=polling&sid=nope", "40"), 1);
        assertError(get("&transport=websocket"), 3);
        String sid = openPolling();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "&transport=polling&sid=" + sid))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertError(put, 3);
    }

    private static void assertError(HttpResponse<String> response, int code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body()).get("code").asInt()).isEqualTo(code);
    }

    @Test
    void pollingCarriesSeveralPacketsPerPayload() throws Exception {
        String sid = connectedPolling();
        post("&transport=polling&sid=" + sid, "42[\"message\",1]\u001e42[\"message\",\"two\"]\u001e42[\"message\",{\"3\":[true]}]");
        StringBuilder received = new StringBuilder(get("&transport=polling&sid=" + sid).body());
        while (received.toString().split("\u001e").length < 3) {
            received.append('\u001e').append(get("&transport=polling&sid=" + sid).body());
        }
        assertThat(received.toString().split("\u001e")).containsExactly(
                "42[\"message-back\",1]", "42[\"message-back\",\"two\"]", "42[\"message-back\",{\"3\":[true]}]");
    }

    @Test
    void pollingCarriesBinaryAsBase64() throws Exception {
        String sid = connectedPolling();
        post("&transport=polling&sid=" + sid,
                "452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]\u001ebAQID\u001ebBAUG");
        String body = get("&transport=polling&sid=" + sid).body();
        assertThat(body.split("\u001e")).containsExactly(
                "452-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", "bAQID", "bBAUG");
    }

    @Test
    void pollingHeartbeatAndOverlappingPolls() throws Exception {
        String sid = openPolling();
        CompletableFuture<HttpResponse<String>> first = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "&transport=polling&sid=" + sid)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("2");
        assertThat(post("&transport=polling&sid=" + sid, "3").statusCode()).isEqualTo(200);
        CompletableFuture<HttpResponse<String>> one = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "&transport=polling&sid=" + sid)).build(), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> two = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "&transport=polling&sid=" + sid)).build(), HttpResponse.BodyHandlers.ofString());
        List<Integer> statuses = List.of(one.get(5, TimeUnit.SECONDS).statusCode(), two.get(5, TimeUnit.SECONDS).statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(200, 400);
        assertError(get("&transport=polling&sid=" + sid), 1);
    }

    @Test
    void pingTimeoutClosesTheSession() throws Exception {
        try (SocketIoServer fast = TestServers.echo(TestServers.config()
                .pingInterval(Duration.ofMillis(100)).pingTimeout(Duration.ofMillis(100)).build())) {
            RawWebSocket ws = new RawWebSocket(http, "ws://127.0.0.1:" + fast.port() + "/socket.io/?EIO=4&transport=websocket");
            assertThat(ws.messages.poll(5, TimeUnit.SECONDS)).asString().startsWith("0{");
            assertThat(ws.messages.poll(5, TimeUnit.SECONDS)).isEqualTo("2");
            ws.send("3");
            assertThat(ws.messages.poll(5, TimeUnit.SECONDS)).isEqualTo("2");
            assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void upgradeFromPollingToWebSocketWithProbe() throws Exception {
        String sid = connectedPolling();
        CompletableFuture<HttpResponse<String>> pendingPoll = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "&transport=polling&sid=" + sid)).build(), HttpResponse.BodyHandlers.ofString());
        RawWebSocket ws = new RawWebSocket(http, wsBase + "&sid=" + sid);
        ws.send("2probe");
        assertThat(ws.nextText()).isEqualTo("3probe");
        assertThat(pendingPoll.get(5, TimeUnit.SECONDS).body()).isIn("6", "2");
        ws.send("5");
        ws.send("42[\"message\",\"over websocket\"]");
        assertThat(ws.nextText()).isEqualTo("42[\"message-back\",\"over websocket\"]");
        assertThat(get("&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);
        RawWebSocket second = new RawWebSocket(http, wsBase + "&sid=" + sid);
        assertThat(second.closed.get(5, TimeUnit.SECONDS)).isNotNull();
        ws.close();
    }

    @Test
    void maxPayloadIsEnforced() throws Exception {
        String sid = connectedPolling();
        HttpResponse<String> tooLarge = post("&transport=polling&sid=" + sid, "4" + "x".repeat(20_000));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        HttpResponse<String> after = get("&transport=polling&sid=" + sid);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(400);

        RawWebSocket ws = connectedWebSocket(null);
        ws.send("42[\"message\",\"" + "x".repeat(20_000) + "\"]");
        assertThat(ws.nextText()).as("server-side disconnect of the namespace, before the close frame").isEqualTo("41");
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1009);
        assertThat(ws.closeReason).contains("maxPayload (10000 bytes)");
    }

    @Test
    void jsonNestedBeyondTheParserLimitIsRefusedWithAReason() throws Exception {
        RawWebSocket ws = connectedWebSocket(null);
        ws.send("42[\"message\"," + "[".repeat(1001) + "]".repeat(1001) + "]");
        assertThat(ws.nextText()).isEqualTo("41");
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(ws.closeReason).startsWith("parse error: ").contains("nesting depth (1001)");
    }

    @Test
    void corsPreflightAndHeaders() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base + "&transport=polling"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("access-control-allow-methods").orElse("")).contains("POST");
        assertThat(preflight.headers().firstValue("access-control-allow-headers")).hasValue("content-type");

        try (SocketIoServer strict = SocketIoServer.create(TestServers.config()
                .corsOrigins(List.of("https://app.example")).corsCredentials(true).build()).start()) {
            String url = "http://127.0.0.1:" + strict.port() + "/socket.io/?EIO=4&transport=polling";
            HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Origin", "https://app.example").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(allowed.headers().firstValue("access-control-allow-origin")).hasValue("https://app.example");
            assertThat(allowed.headers().firstValue("access-control-allow-credentials")).hasValue("true");
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
        }
    }

    @Test
    void closeFromTheClient() throws Exception {
        RawWebSocket ws = connectedWebSocket(null);
        ws.send("1");
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isNotNull();

        String sid = openPolling();
        CompletableFuture<HttpResponse<String>> poll = http.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "&transport=polling&sid=" + sid)).build(), HttpResponse.BodyHandlers.ofString());
        post("&transport=polling&sid=" + sid, "1");
        assertThat(poll.get(5, TimeUnit.SECONDS).body()).isIn("6", "2");
        assertThat(get("&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);
    }

    @Test
    void closeFromTheServer() throws Exception {
        RawWebSocket ws = connectedWebSocket(null);
        ws.send("42[\"kick\"]");
        assertThat(ws.nextText()).isEqualTo("41");
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);

        String sid = connectedPolling();
        post("&transport=polling&sid=" + sid, "42[\"kick\"]");
        String body = get("&transport=polling&sid=" + sid).body();
        assertThat(body).isEqualTo("41\u001e1");
    }

    @Test
    void connectErrors() throws Exception {
        RawWebSocket ws = new RawWebSocket(http, wsBase);
        ws.nextText();
        ws.send("40/nowhere,");
        assertThat(ws.nextText()).isEqualTo("44/nowhere,{\"message\":\"Invalid namespace\"}");
        ws.send("40/guarded,{\"token\":\"x\"}");
        assertThat(ws.nextText()).isEqualTo("44/guarded,{\"message\":\"not allowed\",\"data\":{\"code\":7}}");
        assertThat(io.namespace("/guarded").sockets()).isEmpty();
        assertThat(io.namespace("/guarded").adapter().sockets(java.util.Set.of("should-not-stay"))).isEmpty();
        ws.send("40/broken,");
        assertThat(ws.nextText()).isEqualTo("44/broken,{\"message\":\"Internal server error\"}");
        ws.send("40");
        assertThat(ws.nextText()).startsWith("40{\"sid\":");
        ws.close();
    }

    @Test
    void eventsAcksAndBinaryOverWebSocket() throws Exception {
        RawWebSocket ws = connectedWebSocket("{\"token\":\"123\"}");
        ws.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
        assertThat(ws.nextText()).isEqualTo("42[\"message-back\",1,\"2\",{\"3\":[true]}]");
        ws.send("4212[\"message-with-ack\",1,\"2\"]");
        assertThat(ws.nextText()).isEqualTo("4312[1,\"2\"]");
        ws.send("452-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        ws.send(new byte[] {1, 2, 3}).send(new byte[] {4, 5, 6});
        assertThat(ws.nextText()).isEqualTo("462-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertThat((byte[]) ws.next()).containsExactly(1, 2, 3);
        assertThat((byte[]) ws.next()).containsExactly(4, 5, 6);
        ws.send("40/custom,");
        assertThat(ws.nextText()).startsWith("40/custom,{\"sid\":");
        assertThat(ws.nextText()).isEqualTo("42/custom,[\"auth\",{}]");
        ws.send("42abc[\"message\"]");
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void connectTimeoutClosesIdleConnections() throws Exception {
        try (SocketIoServer quick = TestServers.echo(TestServers.config().connectTimeout(Duration.ofMillis(200)).build())) {
            RawWebSocket ws = new RawWebSocket(http, "ws://127.0.0.1:" + quick.port() + "/socket.io/?EIO=4&transport=websocket");
            long start = System.nanoTime();
            assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));

            String polling = "http://127.0.0.1:" + quick.port() + "/socket.io/?EIO=4&transport=polling";
            String open = http.send(HttpRequest.newBuilder(URI.create(polling)).build(), HttpResponse.BodyHandlers.ofString()).body();
            String sid = JSON.readTree(open.substring(1)).get("sid").asText();
            Thread.sleep(400);
            HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(polling + "&sid=" + sid)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.body()).as("the session closed by the server, its close packet collected").isEqualTo("1");
        }
    }
}
