package dev.switchboard.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestMongo;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.MessageStore;
import dev.switchboard.server.store.derived.DerivedDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server nodes on one database they share (as on a MongoDB), so neither holds the other's locks: two users
 * write one conversation from sockets on both nodes at once, long enough for its head to be sealed into buckets
 * many times over, while the recipient fires {@code message/seen} on both nodes. The guarded writes (a seal, a
 * read mark moved) must keep every invariant: each message stored once, paged once in date order, counted seen
 * by exactly one reply.
 */
class TwoNodesMessagingTest {

    static final String SECRET = "a-two-node-test-secret-of-at-least-32-bytes";

    @RegisterExtension
    static final TestMongo mongo = new TestMongo();

    static TestServer one;
    static TestServer two;

    static TestServer node() {
        return TestServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .mongoUri(mongo.uri() + "/" + Database.DEFAULT_NAME).jwtSecret(SECRET).limits(TestServer.UNHURRIED)
                .queueBudget(TestServer.UNHURRIED_QUEUE));
    }

    @BeforeAll
    static void start() {
        one = node();
        two = node();
    }

    @AfterAll
    static void stop() {
        one.close();
        two.close();
    }

    @Test
    void aConversationWrittenAndSeenOnTwoNodesAtOnceKeepsEveryInvariant() throws Exception {
        ObjectId me = one.user();
        ObjectId them = one.user();
        int rounds = 5;
        int theirsPerRound = 60;
        int minePerRound = 30;
        long counted = 0;
        List<TestClient> sockets = new ArrayList<>();
        try {
            List<TestClient> mine = List.of(one.connect(me), two.connect(me), one.connect(me), two.connect(me));
            List<TestClient> theirs = List.of(one.connect(them), two.connect(them));
            sockets.addAll(mine);
            sockets.addAll(theirs);
            for (int round = 0; round < rounds; round++) {
                List<CompletableFuture<JsonNode>> sends = new ArrayList<>();
                List<CompletableFuture<JsonNode>> seen = new ArrayList<>();
                for (int i = 0; i < theirsPerRound; i++) {
                    sends.add(theirs.get(i % theirs.size()).callAsync("message/new",
                            MessageListenersTest.message(me, "t" + round + ":" + i)));
                    if (i < minePerRound) {
                        sends.add(mine.get(i % mine.size()).callAsync("message/new",
                                MessageListenersTest.message(them, "m" + round + ":" + i)));
                    }
                    if (i % 6 == 0) {
                        seen.add(mine.get(i % mine.size()).callAsync("message/seen", them.toHexString()));
                    }
                }
                for (CompletableFuture<JsonNode> f : sends) {
                    JsonNode reply = f.get(30, TimeUnit.SECONDS);
                    assertThat(reply.get("status").asText()).as(reply.toString()).isEqualTo("ok");
                }
                for (CompletableFuture<JsonNode> f : seen) {
                    JsonNode reply = f.get(30, TimeUnit.SECONDS);
                    assertThat(reply.get("status").asText()).as(reply.toString()).isEqualTo("ok");
                    counted += reply.get("updated").asLong();
                }
            }
            counted += mine.get(1).call("message/seen", them.toHexString()).get("updated").asLong();
        } finally {
            sockets.forEach(TestClient::close);
        }
        int total = rounds * (theirsPerRound + minePerRound);
        assertThat(counted).as("each of their messages counted seen by one reply").isEqualTo(rounds * theirsPerRound);

        try (TestClient reader = two.connect(me)) {
            assertThat(reader.push("message/unread/send/all")).isEmpty();
            List<String> paged = new ArrayList<>();
            for (int page = 1; paged.size() < total + 25; page++) {
                JsonNode messages = reader.call("message/get/all/byPagination", them.toHexString(), page).get("messages");
                if (messages.isEmpty()) {
                    break;
                }
                messages.forEach(m -> paged.add(m.get("_id").asText() + "@" + m.get("sent_at").asText()));
            }
            Set<String> ids = new HashSet<>();
            paged.forEach(p -> ids.add(p.substring(0, p.indexOf('@'))));
            assertThat(paged).hasSize(total);
            assertThat(ids).as("no message paged twice").hasSize(total);
            List<Instant> dates = paged.stream().map(p -> Instant.parse(p.substring(p.indexOf('@') + 1))).toList();
            for (int i = 1; i < dates.size(); i++) {
                assertThat(dates.get(i)).as("newest first, at %d", i).isBeforeOrEqualTo(dates.get(i - 1));
            }
        }
        assertThat(one.stores().messages().conversation(me, them, 0, total)).hasSize(total)
                .filteredOn(m -> m.getObjectId(MessageStore.TO).equals(me))
                .allMatch(m -> m.getDate(MessageStore.SEEN_AT) != null);
        var db = one.server().database().mongo();
        assertThat(DerivedDocuments.of(db).check(db)).isEmpty();
    }
}
