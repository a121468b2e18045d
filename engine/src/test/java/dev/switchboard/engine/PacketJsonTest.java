package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON of packets, both ways, byte for byte as a JavaScript client reads and writes it: what a
 * client sends comes back unchanged, and the Java values handlers send are written as
 * {@code JSON.stringify} (or Jackson, for beans) would. Real server, real websocket.
 */
class PacketJsonTest {

    record Profile(String name, int age, byte[] avatar) { }

    static SocketIoServer io;
    static HttpClient http;

    @BeforeAll
    static void start() {
        io = SocketIoServer.create(TestServers.config().build());
        io.namespace("/").on("message-with-ack", Blocking.NON_BLOCKING, (s, e) -> e.ack().send(e.args().toArray()));
        io.namespace("/").on("java-values", Blocking.NON_BLOCKING, (socket, event) -> event.ack().send(
                "\u0000\u001f\"\\/\b\f\n\r\t", "é€😀", "lone \ud800 surrogate", Long.MIN_VALUE, -7, 0, 2.5, Double.NaN,
                Float.POSITIVE_INFINITY, true, null, List.of(1, "two", List.of()), new Object[] {new Object[0]},
                JsonNodeFactory.instance.objectNode().put("k", "v").set("a", JsonNodeFactory.instance.arrayNode().add(1.0)),
                Map.of("only", "key")));
        io.namespace("/").on("bean-with-bytes", Blocking.NON_BLOCKING, (socket, event) -> socket.emit("profile",
                new Profile("Ada", 36, new byte[] {9, 8}), new byte[] {7}));
        io.namespace("/").on("cycle", Blocking.NON_BLOCKING, (socket, event) -> {
            Object[] itself = new Object[1];
            itself[0] = itself;
            try {
                socket.emit("never", itself);
            } catch (IllegalArgumentException e) {
                event.ack().send(e.getMessage());
            }
        });
        io.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        io.close();
    }

    /** The first packet the server sends in reply to this one, on a connection of its own. */
    static String reply(String packet) throws Exception {
        RawWebSocket ws = RawWebSocket.connectedToMainNamespace(http, io.port());
        try {
            return ws.send(packet).nextText();
        } finally {
            ws.close();
        }
    }

    @Test
    void whatAClientSendsComesBackUnchanged() throws Exception {
        String args = "\"quote \\\" backslash \\\\ newline \\n control \\u0001\",\"é€😀\",-12,12345678901234567890,1.5,"
                + "-0.25,true,false,null,[],{},{\"nested\":{\"deep\":[1,[2,[3]]]},\"e\":1.0E300}";
        assertThat(reply("427[\"message-with-ack\"," + args + "]")).isEqualTo("437[" + args + "]");
    }

    @Test
    void javaValuesAreWrittenAsJavaScriptWould() throws Exception {
        assertThat(reply("421[\"java-values\"]")).isEqualTo("431[\"\\u0000\\u001f\\\"\\\\/\\b\\f\\n\\r\\t\",\"é€😀\",\"lone \\ud800 surrogate\","
                + "-9223372036854775808,-7,0,2.5,\"NaN\",\"Infinity\",true,null,[1,\"two\",[]],[[]],{\"k\":\"v\",\"a\":[1.0]},"
                + "{\"only\":\"key\"}]");
    }

    @Test
    void binaryInsideABeanBecomesAnAttachment() throws Exception {
        RawWebSocket ws = RawWebSocket.connectedToMainNamespace(http, io.port());
        ws.send("42[\"bean-with-bytes\"]");
        assertThat(ws.nextText()).isEqualTo("452-[\"profile\",{\"name\":\"Ada\",\"age\":36,"
                + "\"avatar\":{\"_placeholder\":true,\"num\":0}},{\"_placeholder\":true,\"num\":1}]");
        assertThat((byte[]) ws.next()).containsExactly(9, 8);
        assertThat((byte[]) ws.next()).containsExactly(7);
        ws.close();
    }

    @Test
    void packetsOfEveryWebSocketLengthFormArriveWhole() throws Exception {
        // the reply is 7 bytes longer than the text: 125 and 126 bytes, 65,535 and 65,536 bytes are where the header's length field grows
        for (int length : new int[] {0, 118, 119, 65_528, 65_529, 200_000}) {
            String text = "x".repeat(length);
            assertThat(reply("423[\"message-with-ack\",\"" + text + "\"]")).as("%d characters", length)
                    .isEqualTo("433[\"" + text + "\"]");
        }
    }

    @Test
    void aValueThatContainsItselfFailsTheEmitOnly() throws Exception {
        RawWebSocket ws = RawWebSocket.connectedToMainNamespace(http, io.port());
        ws.send("425[\"cycle\"]");
        assertThat(ws.nextText()).startsWith("435[\"cannot encode Socket.IO packet: a value nested too deeply");
        ws.send("426[\"message-with-ack\",\"still here\"]");
        assertThat(ws.nextText()).isEqualTo("436[\"still here\"]");
        ws.close();
    }

    @Test
    void contentAfterTheJsonIsAParseError() throws Exception {
        RawWebSocket ws = RawWebSocket.connectedToMainNamespace(http, io.port());
        ws.send("42[\"message\",1] [2]");
        assertThat(ws.nextText()).isEqualTo("41");
        assertThat(ws.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(ws.closeReason).isEqualTo("parse error: invalid payload");
    }
}
