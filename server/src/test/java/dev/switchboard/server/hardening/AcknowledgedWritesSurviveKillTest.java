package dev.switchboard.server.hardening;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.harness.ServerProcess;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.store.FollowRequestStore;
import dev.switchboard.server.store.MessageStore;
import dev.switchboard.server.store.Stores;
import dev.switchboard.server.store.TweetStore;
import dev.switchboard.server.store.UserStore;
import dev.switchboard.server.store.derived.DerivedDocuments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability guarantee of the embedded file database: a write the server acknowledged with
 * {@code ok} is on disk. A server process under a load of acknowledged writes from several clients is
 * killed with SIGKILL mid-run and restarted on the same file: every acknowledged write is there, and
 * the indexes, unique ones included, agree with the data.
 */
class AcknowledgedWritesSurviveKillTest {

    private static final int WRITERS = 4;
    private static final int ACKS_BEFORE_KILL = 250;
    private static final Duration CALL_WAIT = Duration.ofSeconds(3);

    /** One writer's users and what the server acknowledged to it. */
    private static final class Writer {
        final ObjectId me;
        final ObjectId partner;
        final ObjectId blockTarget;
        final ObjectId privateTarget;
        final List<ObjectId> tweets = new CopyOnWriteArrayList<>();
        final List<ObjectId> messages = new CopyOnWriteArrayList<>();
        /** Last acknowledged state of a toggle, and whether a later toggle was sent but not answered. */
        volatile boolean blocked;
        volatile boolean blockInFlight;
        volatile boolean requested;
        volatile boolean requestInFlight;

        Writer(ObjectId me, ObjectId partner, ObjectId blockTarget, ObjectId privateTarget) {
            this.me = me;
            this.partner = partner;
            this.blockTarget = blockTarget;
            this.privateTarget = privateTarget;
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndIndexesAgreeWithTheData(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("switchboard.mv");
        List<Writer> writers = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        AtomicInteger acks = new AtomicInteger();
        try (ServerProcess server = ServerProcess.start(ServerProcess.onFile(file, "--events-per-second",
                "100000", "--event-burst", "100000"))) {
            try (MongoClient mongo = MongoClients.create(server.mongoUri())) {
                MongoCollection<Document> users = mongo.getDatabase("switchboard").getCollection(UserStore.COLLECTION);
                for (int i = 0; i < WRITERS; i++) {
                    writers.add(new Writer(user(users, usernames, true), user(users, usernames, true),
                            user(users, usernames, true), user(users, usernames, false)));
                }
            }
            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            Map<Writer, Throwable> stops = new ConcurrentHashMap<>();
            for (Writer w : writers) {
                Thread t = new Thread(() -> {
                    try (TestClient c = TestClient.connectTo(server.url(), new Jwt(Jwt.EXAMPLE_SECRET)
                            .sign(w.me.toHexString()))) {
                        write(c, w, acks, killed);
                    } catch (Throwable e) {
                        stops.put(w, e);
                    }
                }, "writer-" + w.me);
                threads.add(t);
                t.start();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acks.get() < ACKS_BEFORE_KILL && System.nanoTime() < deadline && stops.isEmpty()) {
                Thread.sleep(10);
            }
            assertThat(stops).as("writers failed before the kill; server said: %s", server.output()).isEmpty();
            killed.set(true);
            server.kill();
            for (Thread t : threads) {
                t.join(CALL_WAIT.toMillis() * 3);
            }
        }
        assertThat(acks.get()).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).dbPort(0).dbFile(file).build();
        try (SwitchboardServer restarted = SwitchboardServer.start(config)) {
            Stores stores = restarted.stores();
            for (Writer w : writers) {
                everyAcknowledgedWriteIsThere(stores, w);
                everyAcknowledgedWriteIsReadThroughTheDerivedDocuments(stores, w);
            }
            indexesAgreeWithTheData(stores, usernames, writers);
            var db = restarted.database().mongo();
            assertThat(DerivedDocuments.of(db).check(db)).as("derived documents agree with their sources").isEmpty();
        }
    }

    private static ObjectId user(MongoCollection<Document> users, List<String> usernames, boolean isPublic) {
        String name = "durable" + usernames.size();
        usernames.add(name);
        Document d = new Document(UserStore.NAME, name).append(UserStore.FAMILY, "Tester")
                .append(UserStore.USERNAME, name).append(UserStore.HASH_PASSWORD, "x")
                .append(UserStore.EMAIL, name + "@example.com").append(UserStore.PHONE, "0")
                .append(UserStore.PHOTO, null).append(UserStore.BIOGRAPHY, "")
                .append(UserStore.LAST_SEEN, null).append(UserStore.REGISTER_AT, new Date())
                .append(UserStore.EMAIL_CONFIRMATION, true).append(UserStore.FOLLOWING, List.of())
                .append(UserStore.BLOCK, List.of()).append(UserStore.SETTING, new Document(UserStore.PUBLICITY, isPublic));
        users.insertOne(d);
        return d.getObjectId("_id");
    }

    /** Acknowledged writes in a loop until the server is gone; records what each ok acknowledged. */
    private static void write(TestClient c, Writer w, AtomicInteger acks, AtomicBoolean killed) {
        for (int round = 0; !killed.get(); round++) {
            JsonNode tweet = call(c, "tweet/add", "tweet " + round + " of " + w.me);
            if (tweet == null) {
                return;
            }
            w.tweets.add(new ObjectId(tweet.path("tweet").path("_id").asText()));
            acks.incrementAndGet();

            JsonNode message = call(c, "message/new", Map.of("to", w.partner.toHexString(),
                    "context", Map.of("text", "message " + round)));
            if (message == null) {
                return;
            }
            w.messages.add(new ObjectId(message.path("message").path("_id").asText()));
            acks.incrementAndGet();

            w.blockInFlight = true;
            JsonNode block = call(c, "user/block/toggle", w.blockTarget.toHexString());
            if (block == null) {
                return;
            }
            w.blocked = block.path("blocked").asBoolean();
            w.blockInFlight = false;
            acks.incrementAndGet();

            w.requestInFlight = true;
            JsonNode request = call(c, "user/follow/request/toggle", w.privateTarget.toHexString(), !w.requested);
            if (request == null) {
                return;
            }
            w.requested = request.path("requested").asBoolean();
            w.requestInFlight = false;
            acks.incrementAndGet();
        }
    }

    /** The ok reply, or null when the server is gone (no reply, or a failure after the kill). */
    private static JsonNode call(TestClient c, String event, Object... args) {
        JsonNode reply;
        try {
            reply = c.callWithin(CALL_WAIT, event, args);
        } catch (AssertionError noReply) {
            return null;
        }
        if (!reply.path("status").asText().equals("ok")) {
            throw new AssertionError(event + " failed before the kill: " + reply);
        }
        return reply;
    }

    private static void everyAcknowledgedWriteIsThere(Stores stores, Writer w) {
        for (ObjectId id : w.tweets) {
            Document tweet = stores.tweets().collection().find(eq("_id", id)).first();
            assertThat(tweet).as("acknowledged tweet %s", id).isNotNull();
            assertThat(tweet.getObjectId(TweetStore.OWNER)).isEqualTo(w.me);
        }
        for (ObjectId id : w.messages) {
            Document message = stores.messages().collection().find(eq("_id", id)).first();
            assertThat(message).as("acknowledged message %s", id).isNotNull();
            assertThat(message.getObjectId(MessageStore.FROM)).isEqualTo(w.me);
        }
        boolean blocked = UserStore.blocks(stores.users().findById(w.me).orElseThrow(), w.blockTarget);
        if (!w.blockInFlight) {
            assertThat(blocked).as("block state acknowledged last").isEqualTo(w.blocked);
        }
        boolean requested = stores.followRequests().collection().countDocuments(and(
                eq(FollowRequestStore.APPLICANT, w.me), eq(FollowRequestStore.REQUEST_TO, w.privateTarget))) == 1;
        if (!w.requestInFlight) {
            assertThat(requested).as("follow request state acknowledged last").isEqualTo(w.requested);
        }
    }

    /** The reads the listeners make (timelines, conversations, blockers) show every acknowledged write. */
    private static void everyAcknowledgedWriteIsReadThroughTheDerivedDocuments(Stores stores, Writer w) {
        assertThat(stores.tweets().byOwner(w.me, 0, 100_000)).extracting(t -> t.getObjectId("_id"))
                .as("the writer's timeline").containsAll(w.tweets);
        assertThat(stores.messages().conversation(w.me, w.partner, 0, 100_000)).extracting(m -> m.getObjectId("_id"))
                .as("the conversation").containsAll(w.messages);
        if (!w.messages.isEmpty()) {
            assertThat(stores.messages().chatPartners(w.partner)).as("the partner's chat list").contains(w.me);
        }
        if (!w.blockInFlight) {
            assertThat(stores.users().blockerIds(w.blockTarget).contains(w.me)).as("blockers of the block target")
                    .isEqualTo(w.blocked);
        }
    }

    private static void indexesAgreeWithTheData(Stores stores, List<String> usernames, List<Writer> writers) {
        MongoCollection<Document> users = stores.users().collection();
        for (String name : usernames) {
            Document byIndex = stores.users().findByUsername(name).orElse(null);
            assertThat(byIndex).as("user %s found through the unique username index", name).isNotNull();
            assertThatThrownBy(() -> users.insertOne(new Document(UserStore.USERNAME, name)
                    .append(UserStore.EMAIL, name + "-again@example.com")))
                    .as("a second user named %s", name)
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
        MongoCollection<Document> requests = stores.followRequests().collection();
        List<Document> all = requests.find().into(new ArrayList<>());
        assertThat(all.stream().map(r -> r.get(FollowRequestStore.APPLICANT) + "->" + r.get(FollowRequestStore.REQUEST_TO)))
                .as("every followrequests pair is unique").doesNotHaveDuplicates();
        for (Writer w : writers) {
            long scanned = all.stream().filter(r -> w.me.equals(r.get(FollowRequestStore.APPLICANT))
                    && w.privateTarget.equals(r.get(FollowRequestStore.REQUEST_TO))).count();
            long viaIndex = requests.countDocuments(and(eq(FollowRequestStore.APPLICANT, w.me),
                    eq(FollowRequestStore.REQUEST_TO, w.privateTarget)));
            assertThat(viaIndex).isEqualTo(scanned);
            if (scanned == 1) {
                assertThat(stores.followRequests().add(w.me, w.privateTarget, new Date()))
                        .as("a duplicate follow request is refused by the unique index").isEmpty();
            }
            long tweetsScanned = stores.tweets().collection().find().into(new ArrayList<>()).stream()
                    .filter(t -> w.me.equals(t.get(TweetStore.OWNER))).count();
            assertThat(stores.tweets().collection().countDocuments(eq(TweetStore.OWNER, w.me))).isEqualTo(tweetsScanned);
        }
    }
}
