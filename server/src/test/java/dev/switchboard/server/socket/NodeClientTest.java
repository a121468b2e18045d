package dev.switchboard.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.server.harness.NodeSession;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server driven by the official Node.js socket.io-client@4, with tokens made by Node's jsonwebtoken. */
class NodeClientTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @BeforeAll
    static void requireNode() {
        NodeSession.require();
    }

    /** A plan whose token is signed by jsonwebtoken with these claims and the server's secret. */
    static ObjectNode signedPlan(Map<String, ?> claims, Map<String, ?> options, String... transports) {
        ObjectNode plan = JSON.createObjectNode();
        ObjectNode sign = plan.putObject("sign");
        sign.set("claims", JSON.valueToTree(claims));
        sign.put("secret", server.server().config().jwtSecret());
        sign.set("options", JSON.valueToTree(options));
        if (transports.length > 0) {
            plan.set("transports", JSON.valueToTree(List.of(transports)));
        }
        return plan;
    }

    static ObjectNode step(String event, Object... args) {
        ObjectNode step = JSON.createObjectNode().put("emit", event);
        step.set("args", JSON.valueToTree(List.of(args)));
        return step;
    }

    static List<String> events(JsonNode result) {
        List<String> events = new ArrayList<>();
        result.get("pushes").forEach(p -> events.add(p.get("event").asText()));
        return events;
    }

    @ParameterizedTest
    @ValueSource(strings = {"polling", "websocket", "polling,websocket"})
    void aNodeClientConnectsCallsListenersAndGetsPushes(String transports) {
        ObjectId me = server.user();
        ObjectId follower = server.user();
        server.follow(follower, me);
        ObjectNode plan = signedPlan(Map.of("user_id", me.toHexString()), Map.of(), transports.split(","));
        Map<String, Object> neNull = new java.util.HashMap<>();
        neNull.put("$ne", null);
        plan.set("steps", JSON.valueToTree(List.of(
                step("tweet/add", Map.of("context", "from node")),
                step("tweet/like/toggle", neNull),
                step("no/such/event"),
                step("user/profile/get"))));
        plan.set("waitFor", JSON.valueToTree(Map.of("tweet/send/byPagination", 1)));
        try (TestClient followerClient = server.connect(follower);
             NodeSession node = NodeSession.start(server.url(), plan)) {
            assertThat(node.connected()).isTrue();
            JsonNode result = node.result();
            assertThat(events(result)).startsWith("user/chatList/send/all", "message/unread/send/all",
                    "story/send/all", "tweet/send/byPagination");
            JsonNode acks = result.get("acks");
            assertThat(acks.get(0).get("status").asText()).isEqualTo("ok");
            assertThat(acks.get(0).at("/tweet/context").asText()).isEqualTo("from node");
            assertThat(acks.get(1).get("status").asText()).isEqualTo("invalid_argument");
            assertThat(acks.get(2).toString())
                    .isEqualTo("{\"status\":\"not_found\",\"error\":\"no listener for no/such/event\"}");
            assertThat(acks.get(3).at("/profile/_id").asText()).isEqualTo(me.toHexString());
            assertThat(result.get("transport").asText()).isEqualTo(transports.contains(",") ? "websocket" : transports);
            assertThat(followerClient.push("tweet/new").get("_id")).isEqualTo(acks.get(0).at("/tweet/_id"));
        }
    }

    @Test
    void aMessageFromAJavaClientReachesTheNodeClientAndTheJavaSocketOfTheSameUser() {
        ObjectId me = server.user();
        ObjectId sender = server.user();
        ObjectNode plan = signedPlan(Map.of("user_id", me.toHexString()), Map.of(), "websocket");
        plan.set("waitFor", JSON.valueToTree(Map.of("message/send/to", 1)));
        try (NodeSession node = NodeSession.start(server.url(), plan);
             TestClient mineInJava = server.connect(me);
             TestClient senderClient = server.connect(sender)) {
            assertThat(node.connected()).isTrue();
            JsonNode sent = senderClient.call("message/new", Map.of("to", me.toHexString(),
                    "context", Map.of("text", "to node")));
            JsonNode result = node.result();
            JsonNode pushed = null;
            for (JsonNode p : result.get("pushes")) {
                if (p.get("event").asText().equals("message/send/to")) {
                    pushed = p.get("payload");
                }
            }
            assertThat(pushed).isEqualTo(sent.get("message"));
            assertThat(mineInJava.push("message/send/to")).isEqualTo(sent.get("message"));
        }
    }

    @Test
    void tokensFromJsonwebtokenAreRejectedForTheRightReasons() {
        ObjectId me = server.user();
        String nobody = new ObjectId().toHexString();
        ObjectNode wrongSecret = signedPlan(Map.of("user_id", me.toHexString()), Map.of());
        ((ObjectNode) wrongSecret.get("sign")).put("secret", "some-other-secret-of-enough-length-0123456789");
        Map<String, ObjectNode> plans = new java.util.LinkedHashMap<>();
        plans.put("authentication: token expired at",
                signedPlan(Map.of("user_id", me.toHexString()), Map.of("expiresIn", -60)));
        plans.put("authentication: token algorithm HS512 is not accepted",
                signedPlan(Map.of("user_id", me.toHexString()), Map.of("algorithm", "HS512")));
        plans.put("authentication: token has no user_id claim", signedPlan(Map.of("name", "no id"), Map.of()));
        plans.put("authentication: user " + nobody + " does not exist", signedPlan(Map.of("user_id", nobody), Map.of()));
        plans.put("authentication: token signature does not match the server's secret", wrongSecret);
        plans.put("authentication: no token", JSON.createObjectNode());
        // all sessions at once: each one is a node process
        Map<String, NodeSession> sessions = new java.util.LinkedHashMap<>();
        plans.forEach((expected, plan) -> sessions.put(expected, NodeSession.start(server.url(), plan)));
        sessions.forEach((expected, node) -> {
            try (node) {
                assertThat(node.connected()).as(expected).isFalse();
                assertThat(node.result().at("/connectError/message").asText()).startsWith(expected);
            }
        });
    }
}
