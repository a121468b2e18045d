package dev.switchboard.server.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.harness.TestMongo;
import dev.switchboard.server.store.Stores;
import dev.switchboard.server.store.UserStore;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user's {@code last_seen} (written as their last socket goes) and their publicity are set by the server's own
 * writes, and the cache keeps the user as those writes leave it, so the next connect reads nothing: what it keeps must
 * be the database's document exactly, field order included, whether the field was there before, absent, or inside an
 * embedded document that did not exist yet.
 */
class FieldsSetByOwnWritesTest {

    @RegisterExtension
    static final TestMongo mongo = new TestMongo();

    private KeyedReads reads;
    private UserStore users;
    private MongoCollection<Document> stored;
    private MongoClient outside;

    @BeforeEach
    void setUp() {
        Database db = mongo.freshDatabase();
        reads = KeyedReads.cached(db.name());
        mongo.embedded().watchWrites(reads);
        users = Stores.on(db.mongo(), reads).users();
        outside = MongoClients.create(mongo.uri());
        stored = outside.getDatabase(db.name()).getCollection(users.collection().getNamespace().getCollectionName());
    }

    @AfterEach
    void tearDown() {
        outside.close();
    }

    @Test
    void aFieldSetOnACachedUserIsKeptWhereTheDatabasePutsIt() {
        ObjectId id = users.insert(new Document(UserStore.USERNAME, "ada").append("name", "Ada")
                .append(UserStore.SETTING, new Document(UserStore.PUBLICITY, false).append("theme", "dark")));
        users.findById(id); // now cached

        users.setLastSeen(id, new Date(1_000));
        assertKeptAsStored(id, "a field the document did not have goes last");
        users.setPublicity(id, true);
        assertKeptAsStored(id, "a field of an embedded document stays in its place");
        users.setLastSeen(id, new Date(2_000));
        assertKeptAsStored(id, "a field the document had stays in its place");
        assertThat(users.findById(id).orElseThrow().getDate(UserStore.LAST_SEEN)).isEqualTo(new Date(2_000));
    }

    @Test
    void anEmbeddedDocumentThatDidNotExistIsCreatedAsTheDatabaseCreatesIt() {
        ObjectId id = users.insert(new Document(UserStore.USERNAME, "bob").append("name", "Bob"));
        users.findById(id);

        users.setPublicity(id, true);

        assertKeptAsStored(id, "$set creates the embedded document, last");
    }

    @Test
    void nothingIsKeptWhenTheCacheDidNotHoldTheUser() {
        ObjectId id = users.insert(new Document(UserStore.USERNAME, "cy").append("name", "Cy"));
        stored.updateOne(Filters.eq("_id", id), Updates.set("name", "Cyril")); // written by another client: not held

        users.setLastSeen(id, new Date(3_000));

        assertThat(reads.holds(users.collection(), id)).as("nothing held before the write: nothing to set it in")
                .isFalse();
        assertThat(users.findById(id).orElseThrow().toJson()).isEqualTo(stored.find(Filters.eq("_id", id)).first().toJson());
    }

    private void assertKeptAsStored(ObjectId id, String why) {
        assertThat(reads.holds(users.collection(), id)).as(why + ": kept without a read").isTrue();
        assertThat(users.findById(id).orElseThrow().toJson()).as(why)
                .isEqualTo(stored.find(Filters.eq("_id", id)).first().toJson());
    }
}
