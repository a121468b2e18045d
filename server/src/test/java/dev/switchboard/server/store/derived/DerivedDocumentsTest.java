package dev.switchboard.server.store.derived;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.db.EmbeddedMongo;
import dev.switchboard.server.fixture.CancellationToken;
import dev.switchboard.server.fixture.FixtureSpec;
import dev.switchboard.server.fixture.ProgressListener;
import dev.switchboard.server.fixture.SeedReport;
import dev.switchboard.server.fixture.Seeder;
import dev.switchboard.server.store.Stores;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checker of the derived documents' invariants can fail, and the repair mends what it reports. */
class DerivedDocumentsTest {

    static EmbeddedMongo mongo;
    static Database database;
    static MongoDatabase db;

    @BeforeAll
    static void seed() {
        mongo = EmbeddedMongo.start(null, "127.0.0.1", 0);
        database = Database.connect(mongo.uri() + "/derivedtest");
        Stores.on(database).ensureIndexes();
        db = database.mongo();
        SeedReport report = Seeder.seed(FixtureSpec.generated(120, 7), db, ProgressListener.NONE, new CancellationToken());
        assertThat(report.derived()).containsKeys(InverseListStore.FOLLOWERS, NewestListStore.TIMELINES,
                ConversationStore.COLLECTION, ChatListStore.COLLECTION);
    }

    @AfterAll
    static void stop() {
        database.close();
        mongo.close();
    }

    static Document any(String collection) {
        return db.getCollection(collection).find().first();
    }

    @Test
    void aBrokenDerivedDocumentOfEachKindIsReportedThenRepaired() {
        assertThat(DerivedDocuments.of(db).check(db)).isEmpty();

        Document followers = any(InverseListStore.FOLLOWERS);
        db.getCollection(InverseListStore.FOLLOWERS).updateOne(new Document("_id", followers.get("_id")),
                Updates.popFirst(InverseListStore.ENTRIES));
        Document timeline = any(NewestListStore.TIMELINES);
        db.getCollection(NewestListStore.TIMELINES).updateOne(new Document("_id", timeline.get("_id")),
                Updates.inc(NewestListStore.COUNT, 1));
        // a read mark moved past a message still unseen: that message would be left out of the unread ones
        Document unread = db.getCollection(ChatListStore.COLLECTION).find().into(new java.util.ArrayList<>()).stream()
                .filter(c -> unseenSender(c) != null).findFirst().orElseThrow();
        db.getCollection(ChatListStore.COLLECTION).updateOne(new Document("_id", unread.get("_id")),
                Updates.set(ChatListStore.UNSEEN_FROM + "." + unseenSender(unread),
                        new Date(Long.MAX_VALUE / 2)));
        Document chats = db.getCollection(ChatListStore.COLLECTION)
                .find(new Document("_id", new Document("$ne", unread.get("_id")))).first();
        db.getCollection(ChatListStore.COLLECTION).updateOne(new Document("_id", chats.get("_id")),
                Updates.unset(ChatListStore.PARTNERS));
        ObjectId stranger = new ObjectId();
        db.getCollection(InverseListStore.BLOCKERS).insertOne(new Document("_id", stranger)
                .append(InverseListStore.ENTRIES, List.of(new Document("id", new ObjectId()).append("blocked_at", null))));
        Document conversation = db.getCollection(ConversationStore.COLLECTION) // a head with no buckets
                .find(new Document(ConversationLayout.SEALED, List.of())).first();
        db.getCollection(ConversationStore.COLLECTION).deleteOne(new Document("_id", conversation.get("_id")));

        List<String> problems = DerivedDocuments.of(db).check(db);
        assertThat(problems).hasSize(6);
        assertThat(problems).anyMatch(p -> p.startsWith("followers " + hex(followers.get("_id"))))
                .anyMatch(p -> p.startsWith("timelines " + hex(timeline.get("_id"))))
                .anyMatch(p -> p.startsWith("chats " + hex(unread.get("_id"))))
                .anyMatch(p -> p.startsWith("chats " + hex(chats.get("_id"))))
                .anyMatch(p -> p.startsWith("blockers " + stranger.toHexString()) && p.contains("the sources say nothing"))
                .anyMatch(p -> p.startsWith("conversations " + conversation.get("_id") + ": stored nothing"));

        assertThat(DerivedDocuments.of(db).repair(db)).hasSize(5).containsEntry(ChatListStore.COLLECTION, 2);
        assertThat(DerivedDocuments.of(db).check(db)).isEmpty();
    }

    @Test
    void aLongConversationSpreadOverBucketsIsCheckedAsOneAndMendedWhole() {
        ObjectId a = new ObjectId();
        ObjectId b = new ObjectId();
        Stores stores = Stores.on(db);
        for (int i = 0; i < 450; i++) {
            stores.messages().add(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, "m" + i, null, null, new Date(1_000L * i));
        }
        String key = ConversationStore.key(a, b);
        assertThat(db.getCollection(ConversationStore.COLLECTION).countDocuments(Filters.regex("_id", "^" + key)))
                .isEqualTo(4); // the head and three buckets
        assertThat(DerivedDocuments.of(db).check(db)).isEmpty();

        db.getCollection(ConversationStore.COLLECTION).updateOne(new Document("_id", ConversationLayout.bucketId(key, null, 1)),
                Updates.popFirst(ConversationLayout.MESSAGES));
        assertThat(DerivedDocuments.of(db).check(db)).singleElement().asString()
                .startsWith("conversations " + key + ": bucket 1 is missing or not of the size the head gives");

        // as the earlier layout stored it: every entry in one document
        db.getCollection(ConversationStore.COLLECTION).deleteMany(Filters.regex("_id", "^" + key));
        db.getCollection(ConversationStore.COLLECTION).insertOne(new Document("_id", key).append(ConversationLayout.MESSAGES,
                db.getCollection("messages").find(Filters.in("from", a, b)).map(m -> ConversationStore.entry(
                        m.getObjectId("_id"), m.getDate("sent_at"))).into(new java.util.ArrayList<>())));
        assertThat(DerivedDocuments.of(db).check(db)).singleElement().asString().contains("more than a seal leaves");

        assertThat(DerivedDocuments.repairAtStartup(db, true)).containsEntry(ConversationStore.COLLECTION, 4);
        assertThat(DerivedDocuments.of(db).check(db)).isEmpty();
        assertThat(stores.messages().conversation(a, b, 0, 3))
                .extracting(m -> m.get("context", Document.class).getString("text")).containsExactly("m449", "m448", "m447");
    }

    /** The hex id of a sender with a message to the owner of these chats still unseen; null when none. */
    static String unseenSender(Document chats) {
        Document marks = chats.get(ChatListStore.UNSEEN_FROM, Document.class);
        return marks == null ? null : marks.keySet().stream().findFirst().orElse(null);
    }

    @Test
    void aDatabaseOfEarlierLayoutsGetsReadMarksAtStartup() {
        // as earlier versions left it: unread ids listed in the chat lists, or in a collection of their own
        Stores stores = Stores.on(db);
        boolean retired = false;
        for (Document chats : db.getCollection(ChatListStore.COLLECTION).find().into(new java.util.ArrayList<>())) {
            List<Object> ids = stores.messages().unreadTo(chats.getObjectId("_id")).stream().map(m -> m.get("_id")).toList();
            Document listed = new Document(DerivedDocuments.LEGACY_UNREAD, ids);
            if (!ids.isEmpty() && !retired) {
                db.getCollection(DerivedDocuments.RETIRED_UNREAD).insertOne(new Document("_id", chats.get("_id"))
                        .append("ids", ids));
                retired = true;
                listed = new Document();
            }
            db.getCollection(ChatListStore.COLLECTION).updateOne(new Document("_id", chats.get("_id")),
                    Updates.combine(Updates.unset(ChatListStore.UNSEEN_FROM), new Document("$set", listed.isEmpty()
                            ? new Document(ChatListStore.PARTNERS, chats.get(ChatListStore.PARTNERS)) : listed)));
        }
        assertThat(retired).isTrue();
        assertThat(DerivedDocuments.of(db).check(db)).isNotEmpty();

        // on a shared database too, where otherwise only missing derived documents are built
        DerivedDocuments.repairAtStartup(db, false);

        assertThat(DerivedDocuments.of(db).check(db)).isEmpty();
        assertThat(db.getCollection(ChatListStore.COLLECTION)
                .countDocuments(new Document(DerivedDocuments.LEGACY_UNREAD, new Document("$exists", true)))).isZero();
        assertThat(db.listCollectionNames().into(new java.util.ArrayList<>())).doesNotContain(DerivedDocuments.RETIRED_UNREAD);
    }

    @Test
    void aSourceWrittenBehindTheStoresBackIsCaught() {
        Document user = db.getCollection("users").find().into(new java.util.ArrayList<>()).stream()
                .filter(u -> !u.getList("following", Document.class, List.of()).isEmpty()).findFirst().orElseThrow();
        db.getCollection("users").updateOne(new Document("_id", user.get("_id")), Updates.set("following", List.of()));
        assertThat(DerivedDocuments.of(db).check(db)).isNotEmpty()
                .allMatch(p -> p.startsWith("followers "));
        DerivedDocuments.of(db).repair(db);
        assertThat(DerivedDocuments.of(db).check(db)).isEmpty();
    }

    static String hex(Object id) {
        return id instanceof ObjectId o ? o.toHexString() : String.valueOf(id);
    }
}
