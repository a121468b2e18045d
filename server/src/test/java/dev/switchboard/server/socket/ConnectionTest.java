package dev.switchboard.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The front door: the middleware chain, the connect pushes, presence and unknown events. */
class ConnectionTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void aValidTokenConnectsAndTheAliasTokenWorksToo() {
        ObjectId user = server.user();
        try (TestClient c = server.connect(user)) {
            assertThat(c.connected()).isTrue();
        }
        String token = server.token(user);
        // auth.token is an alias of auth.accessToken: the connection is admitted (no connect_error)
        var s = io.socket.client.IO.socket(java.net.URI.create(server.url()),
                io.socket.client.IO.Options.builder().setForceNew(true).setReconnection(false)
                        .setTransports(new String[] {"websocket"}).setAuth(Map.of("token", token)).build());
        var connected = new java.util.concurrent.CompletableFuture<Boolean>();
        s.once(io.socket.client.Socket.EVENT_CONNECT, a -> connected.complete(true));
        s.once(io.socket.client.Socket.EVENT_CONNECT_ERROR, a -> connected.complete(false));
        s.connect();
        assertThat(connected.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).isTrue();
        s.close();
    }

    @Test
    void noTokenIsRefusedByAuthentication() {
        assertThat(server.connectError(Map.of())).startsWith("authentication: no token");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = server.jwt().sign(server.user().toHexString(), Duration.ofMinutes(-5), Map.of());
        assertThat(server.connectError(Map.of("accessToken", token))).startsWith("authentication: token expired at");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String token = new Jwt("another-secret-that-is-long-enough-for-hs256!!").sign(server.user().toHexString());
        assertThat(server.connectError(Map.of("accessToken", token)))
                .isEqualTo("authentication: token signature does not match the server's secret");
    }

    @Test
    void anUnsecuredTokenIsRefused() {
        String token = Jwt.unsecured(Map.of("user_id", server.user().toHexString()));
        assertThat(server.connectError(Map.of("accessToken", token)))
                .startsWith("authentication: token algorithm none is not accepted");
    }

    @Test
    void aTokenWithoutUserIdOrWithABadOneIsRefused() {
        String noUser = server.jwt().sign(null, null, Map.of("name", "x"));
        assertThat(server.connectError(Map.of("accessToken", noUser)))
                .isEqualTo("authentication: token has no user_id claim");
        String badUser = server.jwt().sign("not-an-id");
        assertThat(server.connectError(Map.of("accessToken", badUser)))
                .startsWith("authentication: token user_id not-an-id is not a 24-hex-digit ObjectId");
    }

    @Test
    void aTokenOfAnUnknownUserIsRefused() {
        String id = new ObjectId().toHexString();
        assertThat(server.connectError(Map.of("accessToken", server.jwt().sign(id))))
                .isEqualTo("authentication: user " + id + " does not exist");
    }

    @Test
    void aRefusedConnectionLeavesNoPresence() {
        ObjectId user = server.user();
        String token = new Jwt("another-secret-that-is-long-enough-for-hs256!!").sign(user.toHexString());
        server.connectError(Map.of("accessToken", token));
        assertThat(server.server().presence().isOnline(user)).isFalse();
    }

    @Test
    void theFourConnectPushesArriveInOrderWithTheirContent() throws Exception {
        ObjectId me = server.user();
        ObjectId friend = server.publicUser();
        ObjectId stranger = server.user();
        server.follow(me, friend);
        var messages = server.stores().messages();
        messages.add(stranger, me, "old", null, null, new Date(1000));
        var seen = messages.add(friend, me, "seen", null, null, new Date(2000));
        messages.markSeen(friend, me, new Date());
        var unread = messages.add(friend, me, "hi", null, null, new Date(3000));
        var tweet = server.stores().tweets().add(friend, "friend tweet", new Date());
        server.stores().tweets().add(stranger, "stranger tweet", new Date());
        var story = server.stores().stories().add(friend, "aGk=", new Date());
        server.stores().stories().markSeen(story.getObjectId("_id"), me, new Date());

        try (TestClient c = server.connect(me)) {
            JsonNode chatList = c.push("user/chatList/send/all");
            JsonNode unreadPush = c.push("message/unread/send/all");
            JsonNode stories = c.push("story/send/all");
            JsonNode tweets = c.push("tweet/send/byPagination");
            assertThat(c.pushOrder()).containsExactly("user/chatList/send/all", "message/unread/send/all",
                    "story/send/all", "tweet/send/byPagination");

            assertThat(chatList).hasSize(2);
            assertThat(chatList.get(0).asText()).isEqualTo(friend.toHexString());
            assertThat(chatList.get(1).asText()).isEqualTo(stranger.toHexString());

            assertThat(unreadPush).hasSize(2);
            assertThat(unreadPush.findValuesAsText("_id")).doesNotContain(seen.getObjectId("_id").toHexString())
                    .contains(unread.getObjectId("_id").toHexString());
            JsonNode first = unreadPush.get(1);
            assertThat(first.get("from").asText()).isEqualTo(friend.toHexString());
            assertThat(first.get("context").get("text").asText()).isEqualTo("hi");
            assertThat(first.get("sent_at").asText()).isEqualTo("1970-01-01T00:00:03.000Z");

            assertThat(stories).hasSize(1);
            assertThat(stories.get(0).get("_id").asText()).isEqualTo(story.getObjectId("_id").toHexString());
            assertThat(stories.get(0).get("seen").asBoolean()).isTrue();
            assertThat(stories.get(0).has("image")).isFalse();

            assertThat(tweets).hasSize(1);
            assertThat(tweets.get(0).get("_id").asText()).isEqualTo(tweet.getObjectId("_id").toHexString());
            assertThat(tweets.get(0).get("likes").asInt()).isZero();
            assertThat(tweets.get(0).get("userLiked").asBoolean()).isFalse();
        }
    }

    @Test
    void theUserIsOnlineWhileASocketIsConnectedAndLastSeenIsSetWhenTheLastOneLeaves() throws Exception {
        ObjectId me = server.user();
        ObjectId asker = server.user();
        try (TestClient other = server.connect(asker)) {
            TestClient a = server.connect(me);
            TestClient b = server.connect(me);
            JsonNode online = other.call("user/lastSeen/get/array", List.of(me.toHexString()));
            assertThat(online.get("users").get(0).get("online").asBoolean()).isTrue();
            assertThat(online.get("users").get(0).get("last_seen").isNull()).isTrue();

            Instant before = Instant.now().minusMillis(5);
            a.close();
            Thread.sleep(300);
            assertThat(server.server().presence().isOnline(me)).isTrue();
            assertThat(server.userDoc(me).get("last_seen")).isNull();
            b.close();
            JsonNode after = waitUntilOffline(other, me);
            assertThat(after.get("online").asBoolean()).isFalse();
            assertThat(Instant.parse(after.get("last_seen").asText())).isAfter(before);
            assertThat(server.userDoc(me).getDate("last_seen")).isNotNull();
        }
    }

    private static JsonNode waitUntilOffline(TestClient asker, ObjectId user) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (true) {
            JsonNode entry = asker.call("user/lastSeen/get/array", List.of(user.toHexString())).get("users").get(0);
            if (!entry.get("online").asBoolean() && !entry.get("last_seen").isNull()
                    || System.currentTimeMillis() > deadline) {
                return entry;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void anUnknownEventIsAnsweredNotFoundAndTheConnectionStays() {
        try (TestClient c = server.connect(server.user())) {
            JsonNode reply = c.call("tweet/fly", "x");
            assertThat(reply.get("status").asText()).isEqualTo("not_found");
            assertThat(reply.get("error").asText()).isEqualTo("no listener for tweet/fly");
            assertThat(c.call("user/block/get/all").get("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void anAdminEventOnTheMainNamespaceIsUnknown() {
        try (TestClient c = server.connect(server.user())) {
            assertThat(c.call("admin/stats/get").get("error").asText()).isEqualTo("no listener for admin/stats/get");
        }
    }
}
