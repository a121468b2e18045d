package dev.switchboard.server.admin;

import static dev.switchboard.server.admin.AdminClients.connectAdmin;
import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The request/response events of /admin, over real sockets against the embedded database. */
class AdminListenersSocketTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static TestClient admin;

    @BeforeAll
    static void connect() {
        admin = connectAdmin(server);
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    static String hex(ObjectId id) {
        return id.toHexString();
    }

    static String username(ObjectId id) {
        return server.userDoc(id).getString("username");
    }

    @Test
    void socketsAreListedWithTheirUserAndCanBeDisconnected() {
        ObjectId user = server.user();
        ObjectId followed = server.user();
        server.follow(user, followed);
        TestClient client = server.connect(user);
        String socketId = client.id();
        JsonNode listed = null;
        for (JsonNode s : ok(admin.call("admin/sockets/get")).get("sockets")) {
            if (s.path("socketId").asText().equals(socketId)) {
                listed = s;
            }
        }
        assertThat(listed).as("the client's socket is listed").isNotNull();
        assertThat(listed.path("userId").asText()).isEqualTo(hex(user));
        assertThat(listed.path("username").asText()).isEqualTo(username(user));
        assertThat(listed.path("transport").asText()).isEqualTo("websocket");
        assertThat(listed.path("address").asText()).isNotBlank();
        assertThat(listed.path("node").asText()).isEqualTo(server.server().config().nodeName());
        assertThat(listed.path("connected_at").asText()).endsWith("Z");
        assertThat(texts(listed.path("rooms"))).containsExactlyInAnyOrder(hex(user), "followed-" + hex(followed));

        ok(admin.call("admin/socket/disconnect", socketId));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (client.connected() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(client.connected()).as("the client was disconnected").isFalse();
        assertThat(ok(admin.call("admin/sockets/get")).get("sockets").toString()).doesNotContain(socketId);
        assertThat(failed(admin.call("admin/socket/disconnect", socketId), "not_found")).contains(socketId);
        failed(admin.call("admin/socket/disconnect"), "invalid_argument");
        failed(admin.call("admin/socket/disconnect", 42), "invalid_argument");
        client.close();
    }

    @Test
    void usersAreFoundByPrefixWithTheirOnlineState() {
        ObjectId user = server.user();
        String name = username(user);
        try (TestClient online = server.connect(user)) {
            JsonNode found = ok(admin.call("admin/users/find", name));
            assertThat(found.path("page").asInt()).isEqualTo(1);
            JsonNode first = found.path("users").get(0);
            assertThat(first.path("_id").asText()).isEqualTo(hex(user));
            assertThat(first.path("email").asText()).isEqualTo(name + "@example.com");
            assertThat(first.path("online").asBoolean()).isTrue();
            assertThat(first.has("hashPassword")).isFalse();
            assertThat(ok(admin.call("admin/users/find", name.toUpperCase())).path("users").toString()).contains(hex(user));
            assertThat(ok(admin.call("admin/users/find", "no-one-is-called-this")).path("users")).isEmpty();
            assertThat(ok(admin.call("admin/users/find")).path("users").size()).isGreaterThan(0);
            failed(admin.call("admin/users/find", name, 0), "invalid_argument");
            failed(admin.call("admin/users/find", 12), "invalid_argument");
        }
    }

    @Test
    void aUserComesWholeWithoutPasswordAndWithCounts() {
        ObjectId user = server.user();
        ObjectId a = server.user();
        ObjectId b = server.user();
        server.follow(user, a);
        server.follow(a, user);
        server.follow(b, user);
        JsonNode doc = ok(admin.call("admin/user/get", hex(user))).get("user");
        assertThat(doc.path("_id").asText()).isEqualTo(hex(user));
        assertThat(doc.has("hashPassword")).isFalse();
        assertThat(doc.path("email").asText()).isEqualTo(username(user) + "@example.com");
        assertThat(doc.path("following").get(0).path("id").asText()).isEqualTo(hex(a));
        assertThat(doc.path("followers_count").asLong()).isEqualTo(2);
        assertThat(doc.path("following_count").asLong()).isEqualTo(1);
        assertThat(failed(admin.call("admin/user/get", hex(new ObjectId())), "not_found")).contains("does not exist");
        failed(admin.call("admin/user/get", "{\"$ne\": null}"), "invalid_argument");
    }

    @Test
    void blocksAreListedBothWaysWithUsernames() {
        ObjectId user = server.user();
        ObjectId blocked = server.user();
        ObjectId blocker = server.user();
        server.block(user, blocked);
        server.block(blocker, user);
        JsonNode reply = ok(admin.call("admin/user/blocks/get", hex(user)));
        JsonNode out = reply.path("block").get(0);
        assertThat(out.path("id").asText()).isEqualTo(hex(blocked));
        assertThat(out.path("username").asText()).isEqualTo(username(blocked));
        assertThat(out.path("blocked_at").asText()).endsWith("Z");
        assertThat(reply.path("block")).hasSize(1);
        JsonNode in = reply.path("blockedBy").get(0);
        assertThat(in.path("id").asText()).isEqualTo(hex(blocker));
        assertThat(in.path("username").asText()).isEqualTo(username(blocker));
        assertThat(reply.path("blockedBy")).hasSize(1);
        failed(admin.call("admin/user/blocks/get", hex(new ObjectId())), "not_found");
    }

    @Test
    void followRequestsAreListedBothWaysWithTheOtherSidesUsername() {
        ObjectId user = server.user();
        ObjectId asker = server.user();
        ObjectId asked = server.user();
        server.stores().followRequests().add(asker, user, new Date());
        server.stores().followRequests().add(user, asked, new Date());
        JsonNode reply = ok(admin.call("admin/user/followRequests/get", hex(user)));
        JsonNode in = reply.path("incoming").get(0);
        assertThat(in.path("applicant").asText()).isEqualTo(hex(asker));
        assertThat(in.path("request_to").asText()).isEqualTo(hex(user));
        assertThat(in.path("username").asText()).isEqualTo(username(asker));
        JsonNode out = reply.path("outgoing").get(0);
        assertThat(out.path("request_to").asText()).isEqualTo(hex(asked));
        assertThat(out.path("username").asText()).isEqualTo(username(asked));
        assertThat(reply.path("incoming")).hasSize(1);
        assertThat(reply.path("outgoing")).hasSize(1);
        failed(admin.call("admin/user/followRequests/get"), "invalid_argument");
    }

    @Test
    void statsCountEveryCallWithLatencyPercentiles() {
        JsonNode before = ok(admin.call("admin/stats/get"));
        long calls = before.path("events").path("user/publicity/get").path("count").asLong(0);
        long errors = before.path("events").path("user/publicity/get").path("errors").asLong(0);
        ObjectId user = server.user();
        try (TestClient client = server.connect(user)) {
            for (int i = 0; i < 5; i++) {
                ok(client.call("user/publicity/get"));
            }
            failed(client.call("user/publicity/get", "not-an-id"), "invalid_argument");
            client.call("made/up/" + System.nanoTime());
            JsonNode after = ok(admin.call("admin/stats/get"));
            JsonNode entry = after.path("events").path("user/publicity/get");
            assertThat(entry.path("count").asLong()).isEqualTo(calls + 6);
            assertThat(entry.path("errors").asLong()).isEqualTo(errors + 1);
            assertThat(entry.path("p50_ms").asDouble()).isGreaterThan(0);
            assertThat(entry.path("p99_ms").asDouble()).isGreaterThanOrEqualTo(entry.path("p50_ms").asDouble());
            assertThat(after.path("events").path("(no listener)").path("count").asLong()).isGreaterThan(0);
            assertThat(after.path("connections").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(after.path("users_online").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(after.path("uptime_s").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(after.path("events").toString()).doesNotContain("made/up/");
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
