package dev.switchboard.server.admin;

import static dev.switchboard.server.admin.AdminClients.awaitPush;
import static dev.switchboard.server.admin.AdminClients.connectAdmin;
import static dev.switchboard.server.admin.AdminClients.refusal;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.util.Base64;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may enter /admin, and what an admin sees live of the other clients. */
class AdminStreamSocketTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @BeforeAll
    static void warmUp() {
        // the first handshake of a JVM is slow (class loading): keep it out of the tests' 5 s timeouts
        TestClient.connectWithin(server.url(), server.token(server.user()), java.time.Duration.ofSeconds(30)).close();
    }

    @Test
    void aNormalTokenIsRefusedByTheAdminRoleAndABadOneByAuthentication() {
        ObjectId user = server.user();
        assertThat(refusal(server, server.token(user))).startsWith("adminRole: ").contains("role: \"admin\"");
        assertThat(refusal(server, server.jwt().sign(user.toHexString(), null, Map.of("role", "editor"))))
                .contains("role \"editor\"");
        assertThat(refusal(server, "not-a-jwt")).startsWith("authentication: ");
        String adminOfNobody = AdminClients.adminToken(server, new ObjectId());
        assertThat(refusal(server, adminOfNobody)).startsWith("authentication: ").contains("does not exist");
        // the same admin token is an ordinary token on the main namespace
        try (TestClient main = TestClient.connectTo(server.url(), AdminClients.adminToken(server, user))) {
            assertThat(main.connected()).isTrue();
        }
    }

    @Test
    void anAdminSeesAnotherClientsConnectionEventsAndPushesLive() {
        ObjectId author = server.user();
        ObjectId follower = server.user();
        server.follow(follower, author);
        try (TestClient admin = connectAdmin(server)) {
            String authorId = author.toHexString();
            TestClient writer = server.connect(author);
            String writerId = writer.id();
            JsonNode connected = awaitPush(admin, "admin/connection", p -> p.path("socketId").asText().equals(writerId));
            assertThat(connected.path("kind").asText()).isEqualTo("connect");
            assertThat(connected.path("userId").asText()).isEqualTo(authorId);
            assertThat(connected.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

            try (TestClient reader = server.connect(follower)) {
                ok(writer.call("tweet/add", "seen by the admin"));
                JsonNode event = awaitPush(admin, "admin/event",
                        p -> p.path("socketId").asText().equals(writer.id()) && p.path("event").asText().equals("tweet/add"));
                assertThat(event.path("userId").asText()).isEqualTo(authorId);
                assertThat(event.path("args").get(0).asText()).isEqualTo("seen by the admin");
                assertThat(event.path("status").asText()).isEqualTo("ok");
                assertThat(event.path("duration_ms").isNumber()).isTrue();
                assertThat(event.path("duration_ms").asDouble()).isGreaterThan(0);

                JsonNode pushed = awaitPush(admin, "admin/emit", p -> p.path("event").asText().equals("tweet/new")
                        && p.path("payload").path("owner").asText().equals(authorId));
                assertThat(pushed.path("to").path("rooms").get(0).asText()).isEqualTo("followed-" + authorId);
                assertThat(pushed.path("payload").path("context").asText()).isEqualTo("seen by the admin");
                reader.push("tweet/new");
            }
            writer.close();
            JsonNode gone = awaitPush(admin, "admin/connection", p -> p.path("socketId").asText().equals(writerId)
                    && p.path("kind").asText().equals("disconnect"));
            assertThat(gone.path("reason").asText()).isNotBlank();
        }
    }

    @Test
    void failedCallsAndRefusedConnectionsAreStreamedToo() {
        ObjectId user = server.user();
        try (TestClient admin = connectAdmin(server); TestClient client = server.connect(user)) {
            client.call("tweet/like/toggle", "0123456789abcdef01234567");
            JsonNode failed = awaitPush(admin, "admin/event", p -> p.path("socketId").asText().equals(client.id())
                    && p.path("event").asText().equals("tweet/like/toggle"));
            assertThat(failed.path("status").asText()).isEqualTo("not_found");

            client.call("no/such/event", 1);
            JsonNode unknown = awaitPush(admin, "admin/event", p -> p.path("socketId").asText().equals(client.id())
                    && p.path("event").asText().equals("no/such/event"));
            assertThat(unknown.path("status").asText()).isEqualTo("not_found");

            server.connectError(Map.of("accessToken", "garbage"));
            JsonNode rejected = awaitPush(admin, "admin/connection", p -> p.path("kind").asText().equals("rejected"));
            assertThat(rejected.path("reason").asText()).startsWith("authentication: ");
        }
    }

    @Test
    void imagesNeverReachTheAdminAndLongTextIsCut() {
        ObjectId user = server.user();
        ObjectId friend = server.user();
        String photo = Base64.getEncoder().encodeToString("a photo".getBytes());
        String image = Base64.getEncoder().encodeToString(new byte[3000]);
        try (TestClient admin = connectAdmin(server); TestClient client = server.connect(user);
             TestClient other = server.connect(friend)) {
            ok(client.call("story/new", photo));
            JsonNode story = awaitPush(admin, "admin/event", p -> p.path("socketId").asText().equals(client.id())
                    && p.path("event").asText().equals("story/new"));
            assertThat(story.path("args").get(0).asText()).isEqualTo("[image: " + photo.length() + " chars]");

            String longText = "word ".repeat(200).strip();
            ok(client.call("message/new", Map.of("to", friend.toHexString(),
                    "context", Map.of("text", longText, "image", image))));
            JsonNode message = awaitPush(admin, "admin/event", p -> p.path("socketId").asText().equals(client.id())
                    && p.path("event").asText().equals("message/new"));
            JsonNode context = message.path("args").get(0).path("context");
            assertThat(context.path("image").asText()).isEqualTo("[image: " + image.length() + " chars]");
            assertThat(context.path("text").asText()).startsWith("word word").endsWith("[" + longText.length() + " chars]")
                    .hasSizeLessThan(260);
            JsonNode push = awaitPush(admin, "admin/emit", p -> p.path("event").asText().equals("message/send/to")
                    && p.path("to").path("rooms").toString().contains(friend.toHexString()));
            assertThat(push.toString()).doesNotContain(image.substring(0, 100));
            other.push("message/send/to");
        }
    }
}
