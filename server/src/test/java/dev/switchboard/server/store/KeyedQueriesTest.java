package dev.switchboard.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.db.ForwardingBackend;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records, at the database's wire protocol, every filter the server sends while sockets connect and fire the
 * hot events, and requires each to be a lookup by {@code _id} or by a declared unique key: the only queries the
 * embedded database serves from an index (docs/queries.md). The other events may query otherwise, but only
 * through an index the stores declare, so that MongoDB serves them.
 */
class KeyedQueriesTest {

    /** One filter as the database received it. */
    record Query(String command, String collection, Map<String, Object> filter) {
    }

    /** Hands everything to the in-memory backend and notes the filter of each command. */
    static final class Recording extends ForwardingBackend {

        final List<Query> queries = new ArrayList<>();
        volatile boolean on;

        Recording() {
            super(new MemoryBackend());
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            if (on) {
                record(message.getDocument());
            }
            return super.handleMessage(message);
        }

        private void record(Document body) {
            if (body.isEmpty()) {
                return;
            }
            String command = body.keySet().iterator().next();
            String collection = String.valueOf(body.get(command));
            List<Object> filters = new ArrayList<>();
            switch (command.toLowerCase()) {
                case "find" -> filters.add(body.get("filter"));
                case "count", "distinct", "findandmodify" -> filters.add(body.get("query"));
                case "update", "delete" -> {
                    for (Object statement : (Collection<?>) body.get(command.equals("update") ? "updates" : "deletes")) {
                        filters.add(((Document) statement).get("q"));
                    }
                }
                case "aggregate" -> filters.add(new Document("$aggregate", body.get("pipeline")));
                default -> {
                    return;
                }
            }
            synchronized (queries) {
                for (Object f : filters) {
                    queries.add(new Query(command, collection, f == null ? new Document() : (Document) f));
                }
            }
        }

        List<Query> take() {
            synchronized (queries) {
                List<Query> out = List.copyOf(queries);
                queries.clear();
                return out;
            }
        }
    }

    static Recording recording;
    static MongoServer mongo;
    static TestServer server;

    @BeforeAll
    static void start() {
        recording = new Recording();
        mongo = new MongoServer(recording);
        var address = mongo.bind();
        server = TestServer.start(ServerConfig.ephemeral().mongoUri("mongodb://127.0.0.1:" + address.getPort() + "/keyed")
                .jwtSecret(Jwt.EXAMPLE_SECRET).limits(TestServer.UNHURRIED).queueBudget(TestServer.UNHURRIED_QUEUE));
    }

    @AfterAll
    static void stop() {
        server.close();
        mongo.shutdownNow();
    }

    @Test
    void connectingAndTheHotEventsReadOnlyByKey() throws Exception {
        ObjectId me = server.user();
        ObjectId friend = server.publicUser();
        ObjectId other = server.user();
        server.follow(me, friend);
        server.follow(other, me);
        server.follow(me, other);
        server.block(other, friend);
        server.stores().tweets().add(friend, "friend's tweet", new Date());
        server.stores().stories().add(friend, "aGVsbG8=", new Date());
        server.stores().messages().add(friend, me, "hello", null, null, new Date());
        String tweet = server.stores().tweets().add(other, "other's tweet", new Date()).getObjectId("_id").toHexString();

        recording.on = true;
        try (TestClient c = server.connect(me); TestClient f = server.connect(friend)) {
            for (String push : List.of("user/chatList/send/all", "message/unread/send/all", "story/send/all",
                    "tweet/send/byPagination")) {
                c.push(push);
            }
            ok(c.call("tweet/add", "a new tweet"));
            ok(c.call("tweet/like/toggle", tweet));
            ok(c.call("user/profile/get", friend.toHexString()));
            ok(c.call("tweet/get/byPagination", friend.toHexString(), 1));
            ok(c.call("tweet/get/byPagination", me.toHexString()));
            JsonNode sent = c.call("message/new", Map.of("to", friend.toHexString(), "context", Map.of("text", "hi")));
            ok(sent);
            ok(c.call("message/get/all/byPagination", friend.toHexString(), 1));
            ok(c.call("message/seen", friend.toHexString()));
            ok(c.call("user/follower/get/all", me.toHexString()));
            ok(f.call("story/new", "aGVsbG8="));
            ok(f.call("message/new", Map.of("to", me.toHexString(), "context", Map.of("text", "back"),
                    "reply_to", sent.get("message").get("_id").asText())));
            c.push("message/send/to");
        } finally {
            recording.on = false;
        }
        List<Query> queries = recording.take();
        assertThat(queries).as("queries recorded").hasSizeGreaterThan(30);
        List<Set<String>> unique = uniqueKeys();
        List<Query> scans = queries.stream().filter(q -> !keyed(q.filter(), uniqueKeys(q.collection(), unique))
                && !guardedWriteById(q)).toList();
        assertThat(scans).as("queries not served by _id or a unique key").isEmpty();
    }

    @Test
    void theOtherEventsQueryOnlyThroughDeclaredIndexes() throws Exception {
        ObjectId me = server.user();
        ObjectId asker = server.user();
        ObjectId target = server.user();
        ObjectId publicOne = server.publicUser();
        String tweet = server.stores().tweets().add(me, "mine", new Date()).getObjectId("_id").toHexString();
        String story = server.stores().stories().add(me, "aGVsbG8=", new Date()).getObjectId("_id").toHexString();
        recording.on = true;
        try (TestClient c = server.connect(me); TestClient a = server.connect(asker)) {
            ok(a.call("user/follow/request/toggle", me.toHexString()));
            ok(c.call("user/following/request/get/all"));
            ok(c.call("user/follow/request/accept", asker.toHexString()));
            ok(a.call("story/photo/get", me.toHexString(), story));
            ok(a.call("user/unfollow", me.toHexString()));
            ok(a.call("user/follow/request/toggle", me.toHexString()));
            ok(c.call("user/follow/request/reject", asker.toHexString()));
            ok(c.call("user/follow/request/toggle", publicOne.toHexString()));
            ok(c.call("user/block/toggle", target.toHexString()));
            ok(c.call("user/block/get/all"));
            ok(c.call("user/following/get/all", me.toHexString()));
            ok(c.call("user/lastSeen/get/array", List.of(asker.toHexString(), target.toHexString())));
            ok(c.call("user/publicity/toggle", true));
            ok(c.call("user/publicity/get", me.toHexString()));
            JsonNode comment = c.call("tweet/comment/add", tweet, "a comment");
            ok(comment);
            ok(c.call("tweet/comment/get/byPagination", tweet, 1));
            ok(c.call("tweet/comment/delete", comment.get("comment").get("_id").asText()));
            ok(c.call("story/delete", story));
            ok(c.call("tweet/delete", tweet));
        } finally {
            recording.on = false;
        }
        List<Query> queries = recording.take();
        assertThat(queries).as("queries recorded").hasSizeGreaterThan(20);
        List<org.bson.Document> indexes = declaredIndexes();
        List<Query> unserved = queries.stream().filter(q -> !servedByADeclaredIndex(q, indexes)).toList();
        assertThat(unserved).as("queries no declared index serves").isEmpty();
    }

    /** Every declared index as {@code { collection, key }}. */
    static List<org.bson.Document> declaredIndexes() {
        List<org.bson.Document> out = new ArrayList<>();
        var db = server.server().database().mongo();
        for (String collection : db.listCollectionNames()) {
            for (org.bson.Document index : db.getCollection(collection).listIndexes()) {
                out.add(new org.bson.Document("collection", collection).append("key", index.get("key")));
            }
        }
        return out;
    }

    /**
     * What MongoDB could serve from an index: an equality (or {@code $in}) on the first key of an index declared
     * on that collection, at the top of the filter or inside its {@code $and}.
     */
    static boolean servedByADeclaredIndex(Query q, List<org.bson.Document> indexes) {
        if (keyed(q.filter(), List.of())) {
            return true; // by _id: every collection has that index, even one not created yet
        }
        Map<String, Object> fields = new java.util.HashMap<>(q.filter());
        if (fields.get("$and") instanceof Collection<?> parts) {
            for (Object part : parts) {
                fields.putAll(((Document) part));
            }
        }
        for (org.bson.Document index : indexes) {
            if (!index.getString("collection").equals(q.collection())) {
                continue;
            }
            String first = index.get("key", org.bson.Document.class).keySet().iterator().next();
            Object v = fields.get(first);
            if (fields.containsKey(first) && (!(v instanceof Map<?, ?> m) || m.containsKey("$in"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theRuleRefusesWhatTheEmbeddedDatabaseScansFor() {
        List<Set<String>> pair = List.of(Set.of("applicant", "request_to"));
        assertThat(keyed(new Document("_id", 1), pair)).isTrue();
        assertThat(keyed(new Document("_id", new Document("$in", List.of(1, 2))), pair)).isTrue();
        assertThat(keyed(new Document("applicant", 1).append("request_to", 2), pair)).isTrue();
        assertThat(keyed(new Document("owner", 1), pair)).isFalse();
        assertThat(keyed(new Document("_id", 1).append("removed", new Document("$ne", true)), pair)).isFalse();
        assertThat(keyed(new Document("$and", List.of(new Document("_id", 1))), pair)).isFalse();
        assertThat(keyed(new Document("applicant", 1), pair)).isFalse();
    }

    static void ok(JsonNode reply) {
        assertThat(reply.get("status").asText()).as(reply.toString()).isEqualTo("ok");
    }

    /** Per collection, the key sets of its declared unique indexes, as "collection:key,key". */
    static List<Set<String>> uniqueKeys() {
        List<Set<String>> out = new ArrayList<>();
        var db = server.server().database().mongo();
        for (String collection : db.listCollectionNames()) {
            for (org.bson.Document index : db.getCollection(collection).listIndexes()) {
                if (Boolean.TRUE.equals(index.get("unique"))) {
                    Set<String> keys = new HashSet<>();
                    index.get("key", org.bson.Document.class).keySet().forEach(k -> keys.add(collection + ":" + k));
                    out.add(keys);
                }
            }
        }
        return out;
    }

    static List<Set<String>> uniqueKeys(String collection, List<Set<String>> all) {
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> keys : all) {
            Set<String> mine = new HashSet<>();
            for (String k : keys) {
                if (k.startsWith(collection + ":")) {
                    mine.add(k.substring(collection.length() + 1));
                }
            }
            if (mine.size() == keys.size()) {
                out.add(mine);
            }
        }
        return out;
    }

    /**
     * A write to documents found by {@code _id} that applies only where some of their fields still hold what was
     * read: this server, like a second node, is on a database it does not write alone, where MongoDB serves the
     * filter from the {@code _id} index and checks the rest on each document it found. On the embedded database,
     * which would read every document for it, the stores hold a lock of this node instead and write by {@code _id}
     * alone ({@code KeyedReads.soleWriter}).
     */
    static boolean guardedWriteById(Query q) {
        if (!q.command().equalsIgnoreCase("update") || !(q.filter().get("$and") instanceof List<?> parts)
                || q.filter().size() != 1 || parts.isEmpty() || !(parts.get(0) instanceof Map<?, ?> first)
                || !keyed(castMap(first), List.of())) {
            return false;
        }
        return parts.stream().skip(1).allMatch(p -> p instanceof Map<?, ?> m && !m.containsKey("_id")
                && m.values().stream().noneMatch(v -> v instanceof Map<?, ?>));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** An equality (or {@code $in} on {@code _id}) on exactly {@code _id} or exactly a unique index's keys. */
    static boolean keyed(Map<String, Object> filter, List<Set<String>> uniqueKeys) {
        if (filter.keySet().equals(Set.of("_id"))) {
            return !(filter.get("_id") instanceof Map<?, ?> m) || m.keySet().equals(Set.of("$in"));
        }
        return uniqueKeys.contains(filter.keySet())
                && filter.values().stream().noneMatch(v -> v instanceof Map<?, ?>);
    }
}
