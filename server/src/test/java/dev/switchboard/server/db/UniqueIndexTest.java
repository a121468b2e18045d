package dev.switchboard.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's unique indexes, through the driver: keys that are ids or strings (answered directly)
 * and every other kind of key (numbers, which compare across types, documents, dotted and compound keys) keep
 * MongoDB's answers for lookups, duplicates and keys that move.
 */
class UniqueIndexTest {

    private EmbeddedMongo db;
    private MongoClient client;
    private MongoCollection<Document> docs;

    @BeforeEach
    void start() {
        db = EmbeddedMongo.start(null, "127.0.0.1", 0);
        client = MongoClients.create(db.uri());
        docs = client.getDatabase("app").getCollection("docs");
    }

    @AfterEach
    void stop() {
        client.close();
        db.close();
    }

    private List<Object> ids(org.bson.conversions.Bson filter) {
        return docs.find(filter).map(d -> d.get("_id")).into(new ArrayList<>());
    }

    @Test
    void idsOfEveryKindAreFoundAndNeverStoredTwice() {
        ObjectId oid = new ObjectId();
        docs.insertMany(List.of(new Document("_id", oid), new Document("_id", "text"), new Document("_id", 1),
                new Document("_id", 2L), new Document("_id", new Document("a", 1))));
        assertThat(ids(Filters.eq("_id", oid))).containsExactly(oid);
        assertThat(ids(Filters.eq("_id", "text"))).containsExactly("text");
        assertThat(ids(Filters.eq("_id", 1.0))).as("numbers compare across types").containsExactly(1);
        assertThat(ids(Filters.eq("_id", 2))).containsExactly(2L);
        assertThat(ids(Filters.eq("_id", new Document("a", 1)))).hasSize(1);
        assertThat(ids(Filters.in("_id", "text", oid, 1L, "missing"))).containsExactlyInAnyOrder("text", oid, 1);
        assertThat(ids(Filters.eq("_id", oid.toHexString()))).as("a hex string is not the id").isEmpty();
        for (Object taken : List.of(oid, "text", 1.0, 2, new Document("a", 1))) {
            assertThatThrownBy(() -> docs.insertOne(new Document("_id", taken))).as("%s", taken)
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        }
        assertThat(docs.countDocuments()).isEqualTo(5);
    }

    @Test
    void aUniqueKeyThatMovesFreesItsOldValueAndCannotTakeAnother() {
        docs.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
        docs.createIndex(Indexes.ascending("profile.email"), new IndexOptions().unique(true));
        docs.insertOne(new Document("_id", "a").append("username", "arya").append("profile", new Document("email", "a@x")));
        docs.insertOne(new Document("_id", "b").append("username", "bran").append("profile", new Document("email", "b@x")));

        assertThatThrownBy(() -> docs.updateOne(Filters.eq("_id", "b"), Updates.set("username", "arya")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> docs.updateOne(Filters.eq("_id", "b"), Updates.set("profile.email", "a@x")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThat(docs.find(Filters.eq("_id", "b")).first().getString("username")).isEqualTo("bran");

        docs.updateOne(Filters.eq("_id", "a"), Updates.set("username", "no one"));
        docs.updateOne(Filters.eq("_id", "b"), Updates.set("username", "arya"));
        assertThat(ids(Filters.eq("username", "arya"))).containsExactly("b");
        assertThat(ids(Filters.eq("username", "no one"))).containsExactly("a");
        assertThat(ids(Filters.eq("username", "bran"))).isEmpty();

        docs.updateOne(Filters.eq("_id", "a"), Updates.set("username", 7));
        assertThat(ids(Filters.eq("username", 7.0))).containsExactly("a");
        assertThatThrownBy(() -> docs.insertOne(new Document("_id", "c").append("username", 7L)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");

        docs.deleteOne(Filters.eq("_id", "b"));
        docs.insertOne(new Document("_id", "c").append("username", "arya").append("profile", new Document("email", "b@x")));
        assertThat(ids(Filters.eq("username", "arya"))).containsExactly("c");
    }

    @Test
    void aCompoundUniqueKeyStillHoldsAsAWhole() {
        docs.createIndex(Indexes.ascending("owner", "name"), new IndexOptions().unique(true));
        docs.insertOne(new Document("owner", "a").append("name", "x"));
        docs.insertOne(new Document("owner", "a").append("name", "y"));
        docs.insertOne(new Document("owner", "b").append("name", "x"));
        assertThatThrownBy(() -> docs.insertOne(new Document("owner", "a").append("name", "x")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThat(docs.countDocuments(Filters.and(Filters.eq("owner", "a"), Filters.eq("name", "x")))).isEqualTo(1);
    }
}
