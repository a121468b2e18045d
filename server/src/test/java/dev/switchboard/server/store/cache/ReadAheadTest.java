package dev.switchboard.server.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.harness.TestMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a seed writes in bulk is read whole into the cache once the bulk writes stop, before anyone asks for it;
 * the cache then answers as it did before: every later write by anyone is seen, absent documents are absent.
 */
class ReadAheadTest {

    @RegisterExtension
    static final TestMongo mongo = new TestMongo();

    private KeyedReads reads;
    private MongoCollection<Document> mine;
    private MongoCollection<Document> theirs;
    private MongoClient seeder;

    @BeforeEach
    void setUp() {
        Database db = mongo.freshDatabase();
        reads = KeyedReads.cached(db.name()).readingAheadFrom(db.mongo());
        mongo.embedded().watchWrites(reads);
        mine = db.collection("things");
        seeder = MongoClients.create(mongo.uri());
        theirs = seeder.getDatabase(db.name()).getCollection("things");
    }

    @AfterEach
    void tearDown() {
        reads.close();
        seeder.close();
    }

    @Test
    void whatASeedWroteInBulkIsCachedWholeBeforeTheFirstReadAndStaysTrue() {
        List<ObjectId> ids = seed(600, 200);

        awaitTrue(() -> reads.wholeCollections().contains("things"), "read whole after the seed, with no read asking");
        assertThat(ids).allMatch(id -> reads.holds(mine, id));

        theirs.updateOne(Filters.eq("_id", ids.get(7)), Updates.set("n", -7));
        theirs.deleteOne(Filters.eq("_id", ids.get(8)));
        ObjectId added = new ObjectId();
        theirs.insertOne(new Document("_id", added).append("n", 1000));
        assertThat(reads.byId(mine, ids.get(7)).orElseThrow().getInteger("n")).isEqualTo(-7);
        assertThat(reads.byId(mine, ids.get(8))).as("deleted after the read-ahead").isEmpty();
        assertThat(reads.byId(mine, added).orElseThrow().getInteger("n")).as("inserted after it").isEqualTo(1000);
        assertThat(reads.byId(mine, new ObjectId())).as("never written").isEmpty();
        assertThat(reads.byIds(mine, ids.subList(0, 50)).values())
                .containsExactlyElementsOf(theirs.find(Filters.in("_id", ids.subList(0, 50))).into(new ArrayList<>()));
    }

    @Test
    void writesOfAFewDocumentsAtATimeAreNotReadAhead() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            seed(ReadAhead.BULK_KEYS - 1, ReadAhead.BULK_KEYS - 1);
        }

        Thread.sleep(4 * ReadAhead.QUIET_MILLIS);

        assertThat(reads.wholeCollections()).as("the server's own writes name a few documents each").isEmpty();
    }

    @Test
    void aCollectionAlreadyReadWholeIsNotReadAgainAfterASeed() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            reads.byId(mine, new ObjectId()); // misses enough to decide: read whole while empty
        }
        assertThat(reads.wholeCollections()).containsExactly("things");

        List<ObjectId> ids = seed(300, 150);
        Thread.sleep(4 * ReadAhead.QUIET_MILLIS);

        assertThat(reads.wholeCollections()).as("decided once, until a write to the whole collection; so many new "
                + "documents are too many to answer absences for").isEmpty();
        assertThat(reads.byId(mine, ids.get(299)).orElseThrow().getInteger("n")).as("read by key").isEqualTo(299);
    }

    /** Inserts {@code count} documents, {@code perCommand} to a command, as scripts/seed does. */
    private List<ObjectId> seed(int count, int perCommand) {
        List<ObjectId> ids = new ArrayList<>();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectId id = new ObjectId();
            ids.add(id);
            batch.add(new Document("_id", id).append("n", i));
            if (batch.size() == perCommand || i == count - 1) {
                theirs.insertMany(batch);
                batch = new ArrayList<>();
            }
        }
        return ids;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
