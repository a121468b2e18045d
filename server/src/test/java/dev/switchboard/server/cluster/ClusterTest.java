package dev.switchboard.server.cluster;

import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.redis.LocalRedis;
import dev.switchboard.redis.SharedPresence;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.db.EmbeddedMongo;
import dev.switchboard.server.harness.LogCapture;
import dev.switchboard.server.harness.ServerProcess;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two server nodes in this JVM sharing one embedded database and one real redis-server, with real
 * socket.io-client-java clients on each: pushes, room changes and presence cross the nodes, a killed
 * node's users go offline within the presence bound, and a Redis outage costs only cross-node pushes
 * while it lasts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    static final String SECRET = "a-cluster-test-secret-of-at-least-32-bytes!";
    static final Duration QUIET = Duration.ofMillis(500);

    static LocalRedis redis;
    static EmbeddedMongo mongo;
    static TestServer one;
    static TestServer two;

    static ServerConfig.Builder node(String name) {
        return ServerConfig.builder().host("127.0.0.1").port(0).mongoUri(mongoUri()).jwtSecret(SECRET)
                .redisUri(redis.uri()).nodeName(name);
    }

    static String mongoUri() {
        return mongo.uri() + "/" + Database.DEFAULT_NAME;
    }

    @BeforeAll
    static void start() {
        redis = LocalRedis.required();
        mongo = EmbeddedMongo.start(null, "127.0.0.1", 0);
        one = TestServer.start(node("node-one"));
        two = TestServer.start(node("node-two"));
        // the first handshakes of a JVM are slow (class loading, JIT): keep them out of the tests' timeouts
        TestClient.connectWithin(one.url(), one.token(one.user()), Duration.ofSeconds(30)).close();
        TestClient.connectWithin(two.url(), two.token(two.user()), Duration.ofSeconds(30)).close();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {one, two, mongo, redis}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("closing " + c + ": " + e);
                }
            }
        }
    }

    static String hex(ObjectId id) {
        return id.toHexString();
    }

    static JsonNode sendMessage(TestClient from, ObjectId to, String text) {
        return ok(from.call("message/new", Map.of("to", hex(to), "context", Map.of("text", text)))).get("message");
    }

    static boolean online(TestClient asker, ObjectId user) {
        JsonNode users = ok(asker.call("user/lastSeen/get/array", List.of(hex(user)))).get("users");
        return users.get(0).get("online").asBoolean();
    }

    /** Polls until the condition holds; returns how long that took, or fails after {@code limit}. */
    static Duration waitFor(String what, Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @Order(1)
    void aMessageFromNodeOneReachesTheRecipientsSocketsOnBothNodes() {
        ObjectId sender = one.user();
        ObjectId recipient = one.user();
        try (TestClient from = one.connect(sender); TestClient nearby = one.connect(recipient);
             TestClient far = two.connect(recipient)) {
            JsonNode message = sendMessage(from, recipient, "across nodes");

            for (TestClient socket : List.of(nearby, far)) {
                JsonNode push = socket.push("message/send/to");
                assertThat(push.get("_id").asText()).isEqualTo(message.get("_id").asText());
                assertThat(push.get("context").get("text").asText()).isEqualTo("across nodes");
            }
            nearby.noPush("message/send/to", QUIET);
            far.noPush("message/send/to", Duration.ZERO);
            from.noPush("message/send/to", Duration.ZERO);
        }
    }

    @Test
    @Order(2)
    void aTweetReachesFollowersOnBothNodesOnly() {
        ObjectId owner = one.publicUser();
        ObjectId followerOne = one.user();
        ObjectId followerTwo = one.user();
        ObjectId stranger = one.user();
        one.follow(followerOne, owner);
        one.follow(followerTwo, owner);
        try (TestClient author = two.connect(owner); TestClient a = one.connect(followerOne);
             TestClient b = two.connect(followerTwo); TestClient c = one.connect(stranger)) {
            JsonNode tweet = ok(author.call("tweet/add", "to every node")).get("tweet");

            assertThat(a.push("tweet/new").get("_id").asText()).isEqualTo(tweet.get("_id").asText());
            assertThat(b.push("tweet/new").get("_id").asText()).isEqualTo(tweet.get("_id").asText());
            c.noPush("tweet/new", QUIET);
            author.noPush("tweet/new", Duration.ZERO);
        }
    }

    @Test
    @Order(3)
    void acceptingOnNodeTwoMakesTheApplicantOnNodeOneReceiveTheNextTweetAndUnfollowStopsIt() {
        ObjectId owner = one.user(false);
        ObjectId applicant = one.user();
        try (TestClient ownerTwo = two.connect(owner); TestClient applicantOne = one.connect(applicant);
             TestClient applicantTwo = two.connect(applicant)) {
            ok(applicantOne.call("user/follow/request/toggle", hex(owner)));
            ownerTwo.push("user/follow/request/new");

            ok(ownerTwo.call("user/follow/request/accept", hex(applicant)));
            applicantOne.push("user/follow/request/accepted");
            applicantTwo.push("user/follow/request/accepted");

            JsonNode tweet = ok(ownerTwo.call("tweet/add", "for my new follower")).get("tweet");
            assertThat(applicantOne.push("tweet/new").get("_id").asText()).isEqualTo(tweet.get("_id").asText());
            assertThat(applicantTwo.push("tweet/new").get("_id").asText()).isEqualTo(tweet.get("_id").asText());

            // unfollowing from node two takes the applicant's socket on node one out of the room too
            ok(applicantTwo.call("user/unfollow", hex(owner)));
            ok(ownerTwo.call("tweet/add", "after the unfollow"));
            applicantOne.noPush("tweet/new", QUIET);
            applicantTwo.noPush("tweet/new", Duration.ZERO);
        }
    }

    @Test
    @Order(4)
    void presenceIsTheSameSeenFromEitherNode() {
        ObjectId user = one.user();
        ObjectId asker = one.user();
        try (TestClient askOne = one.connect(asker); TestClient askTwo = two.connect(asker)) {
            assertThat(online(askOne, user)).isFalse();
            TestClient userTwo = two.connect(user);
            waitFor("online seen from node one", Duration.ofSeconds(2), () -> online(askOne, user));
            assertThat(online(askTwo, user)).isTrue();

            TestClient userOne = one.connect(user);
            userTwo.close();
            sleep(QUIET.toMillis());
            assertThat(online(askTwo, user)).as("still has a socket on node one").isTrue();

            userOne.close();
            waitFor("offline seen from node two", Duration.ofSeconds(2), () -> !online(askTwo, user));
            assertThat(online(askOne, user)).isFalse();
        }
    }

    static TestClient connectAdmin(TestServer node) {
        String token = node.jwt().sign(hex(node.user()), null, Map.of("role", "admin"));
        return TestClient.connectTo(node.url() + "/admin", token);
    }

    static long count(JsonNode stats, String event, String field) {
        return stats.path("events").path(event).path(field).asLong(0);
    }

    @Test
    @Order(5)
    void anAdminOnNodeOneSeesTheStatsOfBothNodes() {
        ObjectId userOne = one.user();
        ObjectId userTwo = one.user();
        try (TestClient admin = connectAdmin(one); TestClient onOne = one.connect(userOne);
             TestClient onTwo = two.connect(userTwo)) {
            JsonNode before = ok(admin.call("admin/stats/get"));
            for (int i = 0; i < 2; i++) {
                ok(onOne.call("user/publicity/get"));
            }
            for (int i = 0; i < 3; i++) {
                ok(onTwo.call("user/publicity/get"));
            }
            failed(onTwo.call("user/publicity/get", "not-an-id"), "invalid_argument");

            JsonNode after = ok(admin.call("admin/stats/get"));
            assertThat(count(after, "user/publicity/get", "count") - count(before, "user/publicity/get", "count"))
                    .as("calls on node one and node two").isEqualTo(6);
            assertThat(count(after, "user/publicity/get", "errors") - count(before, "user/publicity/get", "errors"))
                    .as("the failed call on node two").isEqualTo(1);
            JsonNode entry = after.path("events").path("user/publicity/get");
            assertThat(entry.path("p99_ms").asDouble()).isGreaterThanOrEqualTo(entry.path("p50_ms").asDouble())
                    .isGreaterThan(0);

            // connections and users online as the cross-node socket list shows them
            JsonNode sockets = ok(admin.call("admin/sockets/get")).get("sockets");
            Map<String, Long> perNode = new HashMap<>();
            Set<String> users = new HashSet<>();
            sockets.forEach(s -> {
                perNode.merge(s.path("node").asText(), 1L, Long::sum);
                users.add(s.path("userId").asText());
            });
            assertThat(perNode.get("node-one")).isGreaterThanOrEqualTo(1);
            assertThat(perNode.get("node-two")).isGreaterThanOrEqualTo(1);
            assertThat(after.path("connections").asLong()).isEqualTo(sockets.size());
            assertThat(after.path("users_online").asInt()).isEqualTo(users.size());
            Map<String, Long> reportedPerNode = new HashMap<>();
            after.path("nodes").forEach(n -> {
                reportedPerNode.put(n.path("node").asText(), n.path("connections").asLong());
                assertThat(n.path("uptime_s").asLong()).isGreaterThanOrEqualTo(0);
            });
            assertThat(reportedPerNode).isEqualTo(perNode);
        }
    }

    @Test
    @Order(6)
    void theUsersOfAKilledNodeGoOfflineWithinThePresenceBound() throws Exception {
        ObjectId user = one.user();
        ObjectId asker = one.user();
        try (ServerProcess doomed = ServerProcess.start("--mongo-uri", mongoUri(), "--jwt-secret", SECRET,
                "--redis-uri", redis.uri(), "--node-name", "node-doomed");
             TestClient ask = one.connect(asker)) {
            TestClient onDoomed = TestClient.connectTo(doomed.url(), one.token(user));
            waitFor("online through the separate node", Duration.ofSeconds(2), () -> online(ask, user));

            doomed.kill();
            Duration offlineAfter = waitFor("offline after SIGKILL", SharedPresence.DEFAULT_TTL.plusSeconds(2),
                    () -> !online(ask, user));
            System.out.println("presence of a SIGKILLed node cleared after " + offlineAfter.toMillis() + " ms");
            assertThat(offlineAfter).isLessThanOrEqualTo(SharedPresence.DEFAULT_TTL.plusSeconds(1));
            onDoomed.close();
        }
    }

    @Test
    @Order(7)
    void aRedisOutageKeepsRepliesAndLocalPushesLosesNothingStoredAndCrossNodeDeliveryComesBack() {
        ObjectId sender = one.user();
        ObjectId recipient = one.user();
        ObjectId remote = one.user();
        try (LogCapture log = new LogCapture();
             TestClient from = one.connect(sender); TestClient nearby = one.connect(recipient);
             TestClient far = two.connect(recipient); TestClient remoteUser = two.connect(remote)) {
            waitFor("remote user online", Duration.ofSeconds(2), () -> online(from, remote));
            redis.kill();

            List<String> sentDuringOutage = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                JsonNode message = sendMessage(from, recipient, "during the outage " + i);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("reply time").isLessThan(Duration.ofSeconds(1));
                sentDuringOutage.add(message.get("_id").asText());
                assertThat(nearby.push("message/send/to").get("_id").asText()).isEqualTo(message.get("_id").asText());
            }
            far.noPush("message/send/to", QUIET);
            sleep(3000); // long enough for several reconnect attempts, which must not be logged one by one
            assertThat(online(from, sender)).as("this node's own users stay online").isTrue();
            assertThat(log.matching("is unreachable")).as("the outage is logged once per node").hasSize(2);

            redis.start();
            waitFor("cross-node delivery restored", Duration.ofSeconds(10), () -> {
                sendMessage(from, recipient, "after the outage");
                nearby.push("message/send/to");
                try {
                    far.noPush("message/send/to", Duration.ofMillis(300));
                    return false;
                } catch (AssertionError delivered) {
                    return true;
                }
            });
            // presence written again from each node's own sockets (Redis came back empty)
            waitFor("remote user online again", Duration.ofSeconds(SharedPresence.DEFAULT_HEARTBEAT.toSeconds() + 2),
                    () -> online(from, remote));
            assertThat(log.matching("is reachable again")).hasSize(2);
            assertThat(log.matching("is unreachable")).hasSize(2);
            assertThat(log.matching("ConnectionWatchdog")).as("reconnect attempts logged one by one").isEmpty();
            assertThat(log.matching("ReconnectionHandler")).isEmpty();

            JsonNode history = ok(far.call("message/get/all/byPagination", hex(sender))).get("messages");
            List<String> stored = new ArrayList<>();
            history.forEach(m -> stored.add(m.get("_id").asText()));
            assertThat(stored).containsAll(sentDuringOutage);
        }
    }

    @Test
    @Order(8)
    void roomChangesMadeDuringARedisOutageReachTheUsersSocketsOnTheOtherNodeOnceRedisIsBack() {
        ObjectId olga = one.user();
        ObjectId pat = one.user(false);
        ObjectId quinn = one.publicUser();
        one.follow(olga, pat);
        try (LogCapture log = new LogCapture();
             TestClient olgaOne = one.connect(olga); TestClient olgaTwo = two.connect(olga);
             TestClient patTwo = two.connect(pat); TestClient quinnTwo = two.connect(quinn)) {
            ok(patTwo.call("tweet/add", "before the outage"));
            olgaTwo.push("tweet/new");
            redis.kill();

            ok(olgaOne.call("user/unfollow", hex(pat)));
            ok(olgaOne.call("user/follow/request/toggle", hex(quinn)));
            redis.start();

            waitFor("olga's socket on node two follows quinn", Duration.ofSeconds(10), () -> {
                ok(quinnTwo.call("tweet/add", "for my followers"));
                try {
                    olgaTwo.noPush("tweet/new", Duration.ofMillis(300));
                    return false;
                } catch (AssertionError delivered) {
                    return true;
                }
            });
            ok(patTwo.call("tweet/add", "not for olga any more"));
            olgaTwo.noPush("tweet/new", QUIET);
            olgaOne.clearPushes();
            ok(patTwo.call("tweet/add", "nor for her socket on node one"));
            olgaOne.noPush("tweet/new", QUIET);
            assertThat(log.matching("Room repair: Socket-id: " + olgaTwo.id()))
                    .as("the repair of olga's socket on node two is logged").hasSize(1)
                    .allSatisfy(line -> assertThat(line).contains("joined [followed-" + hex(quinn) + "]")
                            .contains("left [followed-" + hex(pat) + "]"));
        }
    }

    @Test
    @Order(9)
    void anAdminOnNodeOneSeesTheCallsConnectionsAndPushesOfNodeTwo() {
        ObjectId user = one.user();
        ObjectId friend = one.user();
        try (TestClient admin = connectAdmin(one)) {
            // node two starts forwarding when it hears of node one's admin: at once, then every 2 s
            TestClient onTwo = waitForConnection(admin, user);
            try (onTwo; TestClient friendTwo = two.connect(friend)) {
                ok(onTwo.call("user/publicity/get"));
                JsonNode event = awaitAdminPush(admin, "admin/event", p -> p.path("socketId").asText().equals(onTwo.id())
                        && p.path("event").asText().equals("user/publicity/get"));
                assertThat(event.path("node").asText()).isEqualTo("node-two");
                assertThat(event.path("status").asText()).isEqualTo("ok");

                ok(onTwo.call("message/new", Map.of("to", hex(friend), "context", Map.of("text", "seen by the admin"))));
                JsonNode emit = awaitAdminPush(admin, "admin/emit", p -> p.path("event").asText().equals("message/send/to"));
                assertThat(emit.path("node").asText()).isEqualTo("node-two");
            }
            awaitAdminPush(admin, "admin/connection", p -> p.path("userId").asText().equals(hex(user))
                    && p.path("kind").asText().equals("disconnect") && p.path("node").asText().equals("node-two"));
        }
    }

    /** Connects the user on node two until the admin on node one sees that connection. */
    static TestClient waitForConnection(TestClient admin, ObjectId user) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            TestClient client = two.connect(user);
            try {
                awaitAdminPush(admin, "admin/connection", p -> p.path("socketId").asText().equals(client.id())
                        && p.path("kind").asText().equals("connect"));
                return client;
            } catch (AssertionError notYet) {
                client.close();
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    /** The next push of that event that matches within 2 s, skipping the others. */
    static JsonNode awaitAdminPush(TestClient admin, String event, java.util.function.Predicate<JsonNode> matches) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode push = admin.push(event);
                if (matches.test(push)) {
                    return push;
                }
            } catch (AssertionError none) {
                break;
            }
        }
        throw new AssertionError("no matching " + event + " push");
    }
}
