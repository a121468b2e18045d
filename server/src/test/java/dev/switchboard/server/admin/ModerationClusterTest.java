package dev.switchboard.server.admin;

import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.redis.LocalRedis;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.db.EmbeddedMongo;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Moderators act through {@code /admin} from a raw socket.io-client-java client, on two nodes sharing one
 * database and a real redis-server: suspend (every socket on both nodes told and cut off, new ones
 * refused, still refused after both nodes restart), lift, remove a tweet, a comment and a story (the owner
 * told why), revoke tokens; every action lands in the audit log and reaches admins on the other node live.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModerationClusterTest {

    static final String SECRET = "a-moderation-test-secret-of-at-least-32-bytes";

    static LocalRedis redis;
    static EmbeddedMongo mongo;
    static TestServer one;
    static TestServer two;
    static ObjectId moderator;
    static ObjectId suspended;
    static final List<String> actions = new ArrayList<>();

    static TestServer node(String name) {
        return TestServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .mongoUri(mongo.uri() + "/" + Database.DEFAULT_NAME).jwtSecret(SECRET).redisUri(redis.uri())
                .nodeName(name).limits(TestServer.UNHURRIED));
    }

    @BeforeAll
    static void start() {
        redis = LocalRedis.required();
        mongo = EmbeddedMongo.start(null, "127.0.0.1", 0);
        one = node("node-one");
        two = node("node-two");
        moderator = one.user();
        TestClient.connectWithin(one.url(), one.token(one.user()), Duration.ofSeconds(30)).close();
        TestClient.connectWithin(two.url(), two.token(two.user()), Duration.ofSeconds(30)).close();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {one, two, mongo, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("closing " + c + ": " + e);
            }
        }
    }

    static TestClient connectAs(TestServer node, ObjectId user, String role) {
        return TestClient.connectTo(node.url() + "/admin", node.jwt().sign(user.toHexString(), null, Map.of("role", role)));
    }

    static JsonNode auditPush(TestClient admin, String action, ObjectId target) {
        return AdminClients.awaitPush(admin, "admin/audit", p -> p.path("action").asText().equals(action)
                && p.path("target").path("id").asText().equals(target.toHexString()));
    }

    @Test
    @Order(1)
    void aSuspendedUserIsToldWhyOnEveryNodeDisconnectedAndRefusedUntilTheDate() {
        suspended = one.user();
        String until = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (TestClient mod = connectAs(one, moderator, "moderator"); TestClient watcher = connectAs(two, two.user(), "admin");
             TestClient onOne = one.connect(suspended); TestClient onTwo = two.connect(suspended)) {
            JsonNode reply = ok(mod.call("admin/user/suspend", suspended.toHexString(), "spam links", until));
            assertThat(reply.path("suspension").path("reason").asText()).isEqualTo("spam links");
            String untilStored = reply.path("suspension").path("until").asText();
            assertThat(Instant.parse(untilStored)).isEqualTo(Instant.parse(until));

            for (TestClient socket : List.of(onOne, onTwo)) {
                JsonNode told = socket.push("user/suspended");
                assertThat(told.path("reason").asText()).isEqualTo("spam links");
                assertThat(told.path("until").asText()).isEqualTo(untilStored);
                assertThat(socket.awaitDisconnect(TestClient.TIMEOUT)).isEqualTo("io server disconnect");
            }
            for (TestServer node : List.of(one, two)) {
                assertThat(node.connectError(Map.of("accessToken", node.token(suspended))))
                        .isEqualTo("suspended: spam links until " + untilStored);
            }
            JsonNode entry = auditPush(watcher, "user/suspend", suspended);
            assertThat(entry.path("node").asText()).isEqualTo("node-one");
            assertThat(entry.path("actor").path("id").asText()).isEqualTo(moderator.toHexString());
            assertThat(entry.path("actor").path("role").asText()).isEqualTo("moderator");
            assertThat(entry.path("reason").asText()).isEqualTo("spam links");
            actions.add("user/suspend");

            assertThat(failed(mod.call("admin/user/suspend", suspended.toHexString(), "again", "yesterday"),
                    "invalid_argument")).contains("ISO-8601");
            assertThat(failed(mod.call("admin/user/suspend", moderator.toHexString(), "me"), "invalid_argument"))
                    .contains("yourself");
        }
    }

    @Test
    @Order(2)
    void theSuspensionSurvivesARestartOfBothNodesAndLiftingItLetsTheUserBackIn() {
        one.close();
        two.close();
        one = node("node-one");
        two = node("node-two");
        TestClient.connectWithin(one.url(), one.token(one.user()), Duration.ofSeconds(30)).close();
        assertThat(two.connectError(Map.of("accessToken", two.token(suspended)))).startsWith("suspended: spam links");
        try (TestClient mod = connectAs(two, moderator, "moderator")) {
            JsonNode user = ok(mod.call("admin/user/get", suspended.toHexString())).path("user");
            assertThat(user.path("suspension").path("reason").asText()).isEqualTo("spam links");
            JsonNode found = ok(mod.call("admin/users/find", one.userDoc(suspended).getString("username")))
                    .path("users").get(0);
            assertThat(found.path("suspension").path("until").asText()).isNotEmpty();

            assertThat(ok(mod.call("admin/user/suspension/lift", suspended.toHexString(), "appeal accepted"))
                    .path("lifted").asBoolean()).isTrue();
            actions.add("user/suspension/lift");
            try (TestClient back = one.connect(suspended)) {
                assertThat(back.connected()).isTrue();
            }
            assertThat(failed(mod.call("admin/user/suspension/lift", suspended.toHexString(), "twice"), "not_found"))
                    .contains("not suspended");
            assertThat(ok(mod.call("admin/user/get", suspended.toHexString())).path("user").path("suspension")
                    .isNull()).isTrue();
        }
    }

    @Test
    @Order(3)
    void removedContentIsGoneLikeTheOwnersDeleteAndTheOwnerIsToldWhatAndWhy() {
        ObjectId owner = one.publicUser();
        ObjectId commenter = one.user();
        try (TestClient mod = connectAs(one, moderator, "moderator"); TestClient ownerTwo = two.connect(owner);
             TestClient commenterTwo = two.connect(commenter)) {
            String tweetId = ok(ownerTwo.call("tweet/add", "a tweet that breaks the rules")).path("tweet")
                    .path("_id").asText();
            String keptTweet = ok(ownerTwo.call("tweet/add", "a fine tweet")).path("tweet").path("_id").asText();
            String commentId = ok(commenterTwo.call("tweet/comment/add", keptTweet, "a rude comment"))
                    .path("comment").path("_id").asText();
            String storyId = ok(ownerTwo.call("story/new",
                    Base64.getEncoder().encodeToString("a photo".getBytes()))).path("story").path("_id").asText();

            ok(mod.call("admin/tweet/remove", tweetId, "hate speech"));
            JsonNode told = ownerTwo.push("user/content/removed");
            assertThat(told.path("kind").asText()).isEqualTo("tweet");
            assertThat(told.path("id").asText()).isEqualTo(tweetId);
            assertThat(told.path("excerpt").asText()).isEqualTo("a tweet that breaks the rules");
            assertThat(told.path("reason").asText()).isEqualTo("hate speech");
            failed(ownerTwo.call("tweet/like/toggle", tweetId), "not_found");
            failed(ownerTwo.call("tweet/delete", tweetId), "not_found");
            failed(mod.call("admin/tweet/remove", tweetId, "twice"), "not_found");

            ok(mod.call("admin/tweet/comment/remove", commentId, "insult"));
            JsonNode commentTold = commenterTwo.push("user/content/removed");
            assertThat(commentTold.path("kind").asText()).isEqualTo("comment");
            assertThat(commentTold.path("tweetId").asText()).isEqualTo(keptTweet);
            assertThat(commentTold.path("reason").asText()).isEqualTo("insult");
            assertThat(ok(ownerTwo.call("tweet/comment/get/byPagination", keptTweet)).path("comments")).isEmpty();
            ownerTwo.noPush("user/content/removed", Duration.ofMillis(200));

            ok(mod.call("admin/story/remove", storyId, "nudity"));
            JsonNode storyTold = ownerTwo.push("user/content/removed");
            assertThat(storyTold.path("kind").asText()).isEqualTo("story");
            assertThat(storyTold.path("reason").asText()).isEqualTo("nudity");
            failed(commenterTwo.call("story/photo/get", owner.toHexString(), storyId), "not_found");
            actions.addAll(List.of("tweet/remove", "tweet/comment/remove", "story/remove"));
        }
    }

    @Test
    @Order(4)
    void revokingTokensCutsTheUserOffOnEveryNodeAndRefusesTheOldToken() {
        ObjectId user = one.user();
        String oldToken = two.token(user);
        try (TestClient mod = connectAs(one, moderator, "moderator");
             TestClient onTwo = TestClient.connectTo(two.url(), oldToken)) {
            ok(mod.call("admin/user/tokens/revoke", user.toHexString(), "account compromised"));
            onTwo.awaitDisconnect(TestClient.TIMEOUT);
            assertThat(two.connectError(Map.of("accessToken", oldToken))).startsWith("authentication: ")
                    .contains("was revoked");
            actions.add("user/tokens/revoke");
        }
    }

    @Test
    @Order(5)
    void theAuditLogRecordsEveryActionWithWhoWhatTargetReasonWhenAndNode() {
        try (TestClient admin = connectAs(two, two.user(), "admin")) {
            List<String> logged = new ArrayList<>();
            JsonNode entries = ok(admin.call("admin/audit/get")).path("entries");
            entries.forEach(e -> {
                logged.add(e.path("action").asText());
                assertThat(e.path("actor").path("id").asText()).isEqualTo(moderator.toHexString());
                assertThat(e.path("reason").asText()).isNotBlank();
                assertThat(e.path("node").asText()).isIn("node-one", "node-two");
                assertThat(Instant.parse(e.path("at").asText())).isBefore(Instant.now().plusSeconds(1));
            });
            List<String> newestFirst = new ArrayList<>(actions);
            Collections.reverse(newestFirst);
            assertThat(logged).containsExactlyElementsOf(newestFirst);

            JsonNode onSuspended = ok(admin.call("admin/audit/get", null, null, suspended.toHexString())).path("entries");
            assertThat(onSuspended).extracting(e -> e.path("action").asText())
                    .containsExactly("user/suspension/lift", "user/suspend");
            JsonNode lifts = ok(admin.call("admin/audit/get", "user/suspension/lift")).path("entries");
            assertThat(lifts).hasSize(1);
            assertThat(lifts.get(0).path("reason").asText()).isEqualTo("appeal accepted");
        }
    }

    @Test
    @Order(6)
    void aModeratorMayNotListOrDisconnectSocketsNorReadStatsNorWatchTraffic() {
        try (TestClient mod = connectAs(one, moderator, "moderator"); TestClient user = one.connect(one.user())) {
            assertThat(failed(mod.call("admin/stats/get"), "forbidden")).contains("role admin");
            failed(mod.call("admin/sockets/get"), "forbidden");
            failed(mod.call("admin/socket/disconnect", user.id()), "forbidden");
            assertThat(user.connected()).isTrue();
            ok(user.call("user/publicity/get"));
            mod.noPush("admin/event", Duration.ofMillis(500));
        }
    }
}
