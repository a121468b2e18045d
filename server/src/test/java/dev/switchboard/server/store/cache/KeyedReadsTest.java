package dev.switchboard.server.store.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.harness.TestMongo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The read cache of the embedded database never serves a document older than the last write its reader
 * could have seen answered, whoever wrote it: here a second client (as {@code scripts/seed} or a shell
 * would be) changes documents in every way the driver can, and each read through the cache shows it.
 */
class KeyedReadsTest {

    @RegisterExtension
    static final TestMongo mongo = new TestMongo();

    private KeyedReads reads;
    private MongoCollection<Document> mine;
    private MongoCollection<Document> theirs;
    private MongoClient otherClient;

    @BeforeEach
    void setUp() {
        Database db = mongo.freshDatabase();
        reads = KeyedReads.cached(db.name());
        mongo.embedded().watchWrites(reads);
        mine = db.collection("things");
        otherClient = MongoClients.create(mongo.uri());
        theirs = otherClient.getDatabase(db.name()).getCollection("things");
    }

    private String name(Object id) {
        return reads.byId(mine, id).map(d -> d.getString("name")).orElse(null);
    }

    @Test
    void everyKindOfWriteByAnotherClientIsSeenByTheNextRead() {
        ObjectId a = new ObjectId();
        assertThat(name(a)).as("absent, and the absence is cached").isNull();
        theirs.insertOne(new Document("_id", a).append("name", "one"));
        assertThat(name(a)).isEqualTo("one");

        theirs.updateOne(Filters.eq("_id", a), Updates.set("name", "two"));
        assertThat(name(a)).isEqualTo("two");

        theirs.updateMany(Filters.eq("name", "two"), Updates.set("name", "three"));
        assertThat(name(a)).as("a write by another filter than _id").isEqualTo("three");

        theirs.findOneAndUpdate(Filters.eq("_id", a), Updates.set("name", "four"),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        assertThat(name(a)).isEqualTo("four");

        theirs.replaceOne(Filters.eq("_id", a), new Document("name", "five"));
        assertThat(name(a)).isEqualTo("five");

        theirs.bulkWrite(List.of(new UpdateOneModel<>(Filters.in("_id", List.of(a)), Updates.set("name", "six"))));
        assertThat(name(a)).isEqualTo("six");

        theirs.deleteOne(Filters.eq("_id", a));
        assertThat(name(a)).isNull();

        theirs.updateOne(Filters.eq("_id", a), Updates.set("name", "upserted"), new UpdateOptions().upsert(true));
        assertThat(name(a)).isEqualTo("upserted");

        String key = "pair:" + a.toHexString();
        assertThat(name(key)).isNull();
        theirs.insertMany(List.of(new Document("_id", key).append("name", "string id")),
                new InsertManyOptions().ordered(false));
        assertThat(name(key)).isEqualTo("string id");

        theirs.drop();
        assertThat(name(a)).isNull();
        assertThat(name(key)).isNull();
    }

    @Test
    void manyReadsOfOneDocumentSeeEachOfItsChangesInOrder() {
        ObjectId a = new ObjectId();
        theirs.insertOne(new Document("_id", a).append("n", 0));
        ObjectId b = new ObjectId();
        theirs.insertOne(new Document("_id", b).append("n", 0));
        assertThat(reads.byIds(mine, List.of(b, a, new ObjectId())).keySet()).containsExactly(b, a);
        for (int n = 1; n <= 50; n++) {
            theirs.updateOne(Filters.eq("_id", n % 2 == 0 ? a : b), Updates.inc("n", 1));
            int expectA = n / 2;
            int expectB = (n + 1) / 2;
            var both = reads.byIds(mine, List.of(a, b));
            assertThat(both.get(a).getInteger("n")).isEqualTo(expectA);
            assertThat(both.get(b).getInteger("n")).isEqualTo(expectB);
        }
    }

    @Test
    void readersRacingWritersNeverKeepAStaleCopy() throws Exception {
        ObjectId a = new ObjectId();
        theirs.insertOne(new Document("_id", a).append("n", 0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        theirs.updateOne(Filters.eq("_id", a), Updates.inc("n", 1));
                    }
                }));
            }
            for (int r = 0; r < 4; r++) {
                work.add(pool.submit(() -> {
                    int seen = 0;
                    for (int i = 0; i < 300; i++) {
                        int n = reads.byId(mine, a).orElseThrow().getInteger("n");
                        assertThat(n).as("never older than what this reader already saw").isGreaterThanOrEqualTo(seen);
                        seen = n;
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(reads.byId(mine, a).orElseThrow().getInteger("n")).as("after the last write was answered")
                .isEqualTo(400);
    }

    @Test
    void whatACallerChangesInItsDocumentStaysWithTheCaller() {
        ObjectId a = new ObjectId();
        theirs.insertOne(new Document("_id", a).append("list", new ArrayList<>(List.of(new Document("x", 1)))));
        Document first = reads.byId(mine, a).orElseThrow();
        first.getList("list", Document.class).get(0).put("x", 99);
        first.getList("list", Document.class).add(new Document("x", 2));
        Document second = reads.byId(mine, a).orElseThrow();
        assertThat(second.getList("list", Document.class)).containsExactly(new Document("x", 1));
    }

    @Test
    void aFullCacheDropsDocumentsAndStillAnswersRight() {
        KeyedReads small = KeyedReads.cached(mine.getNamespace().getDatabaseName(), 50);
        mongo.embedded().watchWrites(small);
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ObjectId id = new ObjectId();
            ids.add(id);
            theirs.insertOne(new Document("_id", id).append("i", i));
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < ids.size(); i++) {
                assertThat(small.byId(mine, ids.get(i)).orElseThrow().getInteger("i")).isEqualTo(i);
            }
        }
        assertThat(small.sizes().get("things")).isBetween(1, 50);
    }

    @Test
    void aSmallCollectionIsReadWholeAndThenSeesEveryWriteAsBefore() {
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(new ObjectId());
        }
        theirs.insertMany(ids.stream().map(id -> new Document("_id", id).append("name", "n" + id)).toList());
        for (ObjectId id : ids.subList(0, 20)) {
            assertThat(name(id)).isEqualTo("n" + id);
        }
        assertThat(reads.wholeCollections()).as("read whole after its misses").containsExactly("things");
        assertThat(reads.sizes().get("things")).isEqualTo(100);
        assertThat(name(new ObjectId())).as("a key it does not hold is absent").isNull();

        ObjectId added = new ObjectId();
        theirs.insertOne(new Document("_id", added).append("name", "added"));
        assertThat(name(added)).as("inserted after the whole read").isEqualTo("added");
        theirs.updateOne(Filters.eq("_id", ids.get(50)), Updates.set("name", "changed"));
        assertThat(name(ids.get(50))).isEqualTo("changed");
        theirs.deleteOne(Filters.eq("_id", ids.get(60)));
        assertThat(name(ids.get(60))).isNull();
        assertThat(reads.byIds(mine, List.of(ids.get(59), ids.get(60), ids.get(61))).keySet())
                .containsExactly(ids.get(59), ids.get(61));
        assertThat(reads.wholeCollections()).as("still whole after a few writes").containsExactly("things");

        theirs.updateMany(Filters.eq("name", "changed"), Updates.set("name", "by another filter"));
        assertThat(reads.wholeCollections()).as("a write to any document forgets all").isEmpty();
        assertThat(name(ids.get(50))).isEqualTo("by another filter");
        assertThat(name(added)).isEqualTo("added");
    }

    @Test
    void aWholeCollectionThatOutgrowsTheCacheIsReadByKeyAgain() {
        KeyedReads small = KeyedReads.cached(mine.getNamespace().getDatabaseName(), 100);
        mongo.embedded().watchWrites(small);
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(new ObjectId());
        }
        theirs.insertMany(ids.subList(0, 40).stream().map(id -> new Document("_id", id).append("i", ids.indexOf(id)))
                .toList());
        for (int i = 0; i < 20; i++) {
            assertThat(small.byId(mine, ids.get(i)).orElseThrow().getInteger("i")).isEqualTo(i);
        }
        assertThat(small.wholeCollections()).containsExactly("things");
        theirs.insertMany(ids.subList(40, 300).stream().map(id -> new Document("_id", id).append("i", ids.indexOf(id)))
                .toList());
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < ids.size(); i++) {
                assertThat(small.byId(mine, ids.get(i)).orElseThrow().getInteger("i")).isEqualTo(i);
            }
        }
        assertThat(small.wholeCollections()).as("too big to hold whole").isEmpty();
    }

    @Test
    void documentsWrittenOneByOneAfterAWholeReadComeBackOneByOne() {
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(new ObjectId());
        }
        theirs.insertMany(ids.stream().map(id -> new Document("_id", id).append("name", "old")).toList());
        for (ObjectId id : ids.subList(0, 20)) {
            assertThat(name(id)).isEqualTo("old");
        }
        assertThat(reads.wholeCollections()).containsExactly("things");
        for (ObjectId id : ids) {
            theirs.updateOne(Filters.eq("_id", id), Updates.set("name", "new"));
        }
        assertThat(reads.wholeCollections()).as("mostly written since").isEmpty();
        for (ObjectId id : ids) {
            assertThat(name(id)).isEqualTo("new");
        }
        assertThat(reads.wholeCollections()).as("read back by key, not whole again").isEmpty();
        assertThat(reads.sizes().get("things")).isEqualTo(100);
    }

    @Test
    void aCacheWarmedByKeyIsNotReadWholeWhenWritesEmptyIt() {
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(new ObjectId());
            theirs.insertOne(new Document("_id", ids.get(i)).append("name", "n" + i));
            assertThat(name(ids.get(i))).isEqualTo("n" + i);
        }
        for (ObjectId id : ids) {
            theirs.updateOne(Filters.eq("_id", id), Updates.set("name", "changed"));
        }
        for (ObjectId id : ids) {
            assertThat(name(id)).isEqualTo("changed");
        }
        assertThat(reads.wholeCollections()).as("decided once, when it was warm: read back by key").isEmpty();
    }

    @Test
    void onlyACacheHoldingUnderHalfTheCollectionIsReadWhole() {
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(new ObjectId());
            theirs.insertOne(new Document("_id", ids.get(i)).append("name", "n" + i));
            assertThat(name(ids.get(i))).isEqualTo("n" + i); // each read once: the cache holds them all by key
        }
        assertThat(reads.wholeCollections()).as("a warm cache is not read whole").isEmpty();
        theirs.updateMany(Filters.eq("name", "n1"), Updates.set("name", "forgets the shelf"));
        for (int i = 0; i < 60; i++) {
            assertThat(name(ids.get(i))).isNotNull();
        }
        assertThat(reads.wholeCollections()).as("cold again after a write by another filter: read whole")
                .containsExactly("things");
    }

    /**
     * Writers insert, change and delete while readers read, so that the shelf is read whole while they write and then
     * loses it to the writes: a writer always reads back what it just wrote, whatever the whole read running meanwhile
     * saw, and at the end every document reads as the database has it.
     */
    @Test
    void wholeReadsRacingWritersNeverHideAWriteItsWriterSawAnswered() throws Exception {
        List<ObjectId> seeded = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            seeded.add(new ObjectId());
        }
        theirs.insertMany(seeded.stream().map(id -> new Document("_id", id).append("n", 0)).toList());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicInteger wholeSeen = new java.util.concurrent.atomic.AtomicInteger();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        ObjectId id = new ObjectId();
                        theirs.insertOne(new Document("_id", id).append("n", i));
                        assertThat(reads.byId(mine, id)).as("an insert its writer saw answered").isPresent();
                        ObjectId old = seeded.get((writer * 150 + i) % seeded.size());
                        theirs.updateOne(Filters.eq("_id", old), Updates.set("n", -i - 1));
                        assertThat(reads.byId(mine, old).orElseThrow().getInteger("n")).isEqualTo(-i - 1);
                        theirs.deleteOne(Filters.eq("_id", id));
                        assertThat(reads.byId(mine, id)).as("a delete its writer saw answered").isEmpty();
                    }
                }));
            }
            for (int r = 0; r < 4; r++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 600; i++) {
                        reads.byIds(mine, List.of(new ObjectId(), seeded.get(i % seeded.size())));
                        if (reads.wholeCollections().contains("things")) {
                            wholeSeen.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(wholeSeen.get()).as("the shelf was held whole while the writers wrote").isPositive();
        KeyedReads direct = KeyedReads.direct();
        for (ObjectId id : seeded) {
            assertThat(reads.byId(mine, id)).isEqualTo(direct.byId(mine, id));
        }
        assertThat(theirs.countDocuments()).isEqualTo(seeded.size());
    }

    @Test
    void aProjectionKeepsIdAndTheNamedFieldsInStoredOrder() {
        ObjectId a = new ObjectId();
        theirs.insertOne(new Document("_id", a).append("x", 1).append("y", 2).append("z", 3));
        Document projected = reads.byId(mine, a, "z", "x").orElseThrow();
        assertThat(new ArrayList<>(projected.keySet())).containsExactly("_id", "x", "z");
        assertThat(projected).isEqualTo(KeyedReads.direct().byId(mine, a, "z", "x").orElseThrow());
    }
}
