package dev.switchboard.server.store.cache;

import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.Stores;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server keeps in its read cache what its own writes leave (a new tweet or message, a like, a conversation
 * or timeline that grew): every answer read from there must be the one the database gives once the cache is
 * emptied, also when other programs write the same documents on the database port at the same time.
 */
class OwnWritesTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void pagesReadAfterOwnWritesAreThoseOfTheDatabase() {
        ObjectId me = server.publicUser();
        ObjectId them = server.publicUser();
        try (TestClient mine = server.connect(me); TestClient theirs = server.connect(them);
             MongoClient outside = MongoClients.create(server.server().mongoUri())) {
            Pages pages = new Pages(mine, them, outside);
            for (int round = 0; round < 15; round++) {
                pages.read(); // the documents are cached before each write
                String tweet = ok(theirs.call("tweet/add", "round " + round)).get("tweet").get("_id").asText();
                ok(mine.call("tweet/like/toggle", tweet));
                if (round % 3 == 0) {
                    ok(mine.call("tweet/like/toggle", tweet));
                }
                ok(mine.call("message/new", message(them, "mine " + round)));
                ok(theirs.call("message/new", message(me, "theirs " + round)));
                pages.assertAsStored();
            }
        }
    }

    @Test
    void ownWritesRacingOutsideWritesOfTheSameDocumentsLeaveNoStaleCopy() throws Exception {
        ObjectId me = server.publicUser();
        ObjectId them = server.publicUser();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TestClient mine = server.connect(me); TestClient theirs = server.connect(them);
             MongoClient outside = MongoClients.create(server.server().mongoUri())) {
            Stores elsewhere = Stores.on(outside.getDatabase(server.server().database().name()));
            Pages pages = new Pages(mine, them, outside);
            String liked = ok(theirs.call("tweet/add", "liked by everybody")).get("tweet").get("_id").asText();
            for (int round = 0; round < 10; round++) {
                pages.read();
                Future<?> others = pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        elsewhere.tweets().add(them, "outside " + i, new Date());
                        elsewhere.messages().add(them, me, "outside " + i, null, null, new Date());
                        elsewhere.tweets().toggleLike(new ObjectId(liked), new ObjectId(), false);
                    }
                });
                List<CompletableFuture<JsonNode>> ours = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    ours.add(theirs.callAsync("tweet/add", "ours " + i));
                    ours.add(mine.callAsync("message/new", message(them, "ours " + i)));
                    ours.add(mine.callAsync("tweet/like/toggle", liked));
                    ours.add(mine.callAsync("tweet/get/byPagination", them.toHexString(), 1));
                    ours.add(mine.callAsync("message/get/all/byPagination", them.toHexString(), 1));
                }
                others.get();
                for (CompletableFuture<JsonNode> reply : ours) {
                    ok(reply.get());
                }
                pages.assertAsStored();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The pages my own writes change, read through the cache, then again once another client emptied it. */
    private record Pages(TestClient mine, ObjectId them, MongoClient outside) {

        List<JsonNode> read() {
            return List.of(ok(mine.call("tweet/get/byPagination", them.toHexString(), 1)),
                    ok(mine.call("message/get/all/byPagination", them.toHexString(), 1)));
        }

        void assertAsStored() {
            List<JsonNode> cached = read();
            MongoDatabase db = outside.getDatabase(server.server().database().name());
            db.getCollection("cache_emptied_by_this_drop").drop(); // a write of no collection's documents: all leave
            assertThat(read()).isEqualTo(cached);
        }
    }

    private static Map<String, Object> message(ObjectId to, String text) {
        return Map.of("to", to.toHexString(), "context", Map.of("text", text));
    }
}
