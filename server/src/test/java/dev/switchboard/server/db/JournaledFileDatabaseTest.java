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
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded file database across restarts: what was acknowledged is there again, with its indexes, after a
 * clean stop, after a change cut short by a crash, and when the file was written by the H2 store of earlier
 * versions.
 */
class JournaledFileDatabaseTest {

    @TempDir
    Path dir;

    private static void with(Path file, Consumer<MongoClient> work) {
        EmbeddedMongo db = EmbeddedMongo.start(file, "127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(db.uri())) {
            work.accept(client);
        } finally {
            db.close();
        }
    }

    private static MongoCollection<Document> users(MongoClient client) {
        return client.getDatabase("app").getCollection("users");
    }

    @Test
    void insertsUpdatesDeletesDropsAndUniqueIndexesSurviveARestart() {
        Path file = dir.resolve("switchboard.mv");
        with(file, client -> {
            var users = users(client);
            users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                users.insertOne(new Document("_id", "u" + i).append("username", "name" + i).append("n", i));
            }
            users.updateOne(Filters.eq("_id", "u1"), Updates.set("bio", "changed \u0000 \u2028 é"));
            users.updateOne(Filters.eq("_id", "u2"), Updates.unset("n"));
            users.deleteOne(Filters.eq("_id", "u3"));
            client.getDatabase("app").getCollection("scratch").insertOne(new Document("x", 1));
            client.getDatabase("app").getCollection("scratch").drop();
            client.getDatabase("gone").getCollection("c").insertOne(new Document("x", 1));
            client.getDatabase("gone").drop();
        });
        with(file, client -> {
            var users = users(client);
            assertThat(users.countDocuments()).isEqualTo(49);
            assertThat(users.find(Filters.eq("_id", "u1")).first().getString("bio")).isEqualTo("changed \u0000 \u2028 é");
            assertThat(users.find(Filters.eq("_id", "u2")).first().containsKey("n")).isFalse();
            assertThat(users.find(Filters.eq("_id", "u3")).first()).isNull();
            assertThat(client.getDatabase("app").listCollectionNames().into(new ArrayList<>())).containsExactly("users");
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("gone");
            assertThatThrownBy(() -> users.insertOne(new Document("_id", "other").append("username", "name7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            users.insertOne(new Document("_id", "u3").append("username", "name3"));
        });
        with(file, client -> assertThat(users(client).countDocuments()).isEqualTo(50));
    }

    @Test
    void aChangeCutShortByACrashIsDroppedAndWritesGoOnAfterTheLastWholeOne() throws Exception {
        Path file = dir.resolve("switchboard.mv");
        with(file, client -> users(client).insertOne(new Document("_id", "kept").append("n", 1)));
        long whole = Files.size(file);
        with(file, client -> users(client).insertOne(new Document("_id", "cut").append("n", 2)));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 5);
        }
        with(file, client -> {
            assertThat(users(client).find().map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("kept");
            users(client).insertOne(new Document("_id", "after").append("n", 3));
        });
        assertThat(Files.size(file)).isGreaterThan(whole);
        with(file, client -> assertThat(users(client).find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("kept", "after"));
    }

    @Test
    void zerosWrittenAheadThatACrashLeftAfterTheRecordsAreFreeSpaceAndAChangeCutShortBeforeThemIsDropped()
            throws Exception {
        Path file = dir.resolve("switchboard.mv");
        with(file, client -> users(client).insertOne(new Document("_id", "kept").append("n", 1)));
        long whole = Files.size(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.allocate(300_000), whole); // as a kill leaves the zeros ahead
        }
        with(file, client -> {
            assertThat(users(client).find().map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("kept");
            users(client).insertOne(new Document("_id", "second").append("n", 2));
        });
        long twoRecords = Files.size(file);
        assertThat(twoRecords).as("closed: the zeros are cut off").isGreaterThan(whole).isLessThan(whole + 1000);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(twoRecords - 5); // the second record cut short by a crash...
            channel.write(java.nio.ByteBuffer.allocate(100_000), twoRecords - 5); // ...with the zeros ahead after it
        }
        with(file, client -> {
            assertThat(users(client).find().map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("kept");
            users(client).insertOne(new Document("_id", "after").append("n", 3));
        });
        with(file, client -> assertThat(users(client).find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("kept", "after"));
    }

    @Test
    void twentyWritersAtOnceOnOneDocumentLeaveEveryIncrementAfterARestart() throws Exception {
        Path file = dir.resolve("switchboard.mv");
        with(file, client -> {
            users(client).insertOne(new Document("_id", "counter").append("n", 0));
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 20; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            users(client).updateOne(Filters.eq("_id", "counter"), Updates.inc("n", 1));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                pool.shutdownNow();
            }
        });
        with(file, client -> assertThat(users(client).find().first().getInteger("n")).isEqualTo(1000));
    }

    @Test
    void aJournalOfMostlyOverwrittenChangesIsRewrittenAtStart() throws Exception {
        Path file = dir.resolve("switchboard.mv");
        with(file, client -> {
            users(client).insertOne(new Document("_id", "busy").append("n", 0).append("pad", "x".repeat(200)));
            for (int i = 0; i < 3000; i++) {
                users(client).updateOne(Filters.eq("_id", "busy"), Updates.inc("n", 1));
            }
        });
        long grown = Files.size(file);
        with(file, client -> assertThat(users(client).find().first().getInteger("n")).isEqualTo(3000));
        assertThat(Files.size(file)).isLessThan(grown / 20);
        with(file, client -> assertThat(users(client).find().first().getInteger("n")).isEqualTo(3000));
    }

    @Test
    void aFileOfTheEarlierH2StoreIsConvertedOnFirstStartAndKept() throws Exception {
        Path file = dir.resolve("switchboard.mv");
        MongoServer h2 = new MongoServer(new H2Backend(file.toString()));
        var address = h2.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            var users = users(client);
            users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
            users.insertOne(new Document("_id", "old").append("username", "veteran"));
            client.getDatabase("app").getCollection("tweets").insertOne(new Document("_id", "t").append("text", "hi"));
        } finally {
            h2.shutdown();
        }
        with(file, client -> {
            assertThat(users(client).find().first().getString("username")).isEqualTo("veteran");
            assertThat(client.getDatabase("app").getCollection("tweets").countDocuments()).isEqualTo(1);
            assertThatThrownBy(() -> users(client).insertOne(new Document("_id", "new").append("username", "veteran")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });
        assertThat(file.resolveSibling("switchboard.mv.h2")).exists();
        with(file, client -> assertThat(users(client).countDocuments()).isEqualTo(1));
    }
}
