package dev.switchboard.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import dev.switchboard.server.db.journal.JournaledBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal is rewritten while writers keep changing, adding and removing documents (with the floor lowered so
 * it happens within seconds): no acknowledged change is lost and none comes back, as a restart shows.
 */
class JournalRewriteWhileWritingTest {

    private static final long FLOOR = 256 * 1024;

    @TempDir
    Path dir;

    private record Running(MongoServer server, String uri) implements AutoCloseable {
        static Running on(Path file) {
            JournaledBackend backend = JournaledBackend.open(file, FLOOR);
            MongoServer server = new MongoServer(new DurableWrites(backend, backend::seal));
            var address = server.bind();
            return new Running(server, "mongodb://" + address.getHostString() + ":" + address.getPort());
        }

        @Override
        public void close() {
            server.shutdown();
        }
    }

    @Test
    void everyAcknowledgedChangeSurvivesRewritesMadeWhileWriting() throws Exception {
        Path file = dir.resolve("switchboard.mv");
        Map<String, Document> before;
        int shrank = 0;
        try (Running db = Running.on(file); MongoClient client = MongoClients.create(db.uri())) {
            MongoCollection<Document> docs = client.getDatabase("app").getCollection("docs");
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(6);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        String id = "w" + writer + "-" + (i % 40);
                        docs.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("n", 1),
                                Updates.set("pad", "x".repeat(300 + i % 200))), new UpdateOptions().upsert(true));
                        if (i % 7 == 0) {
                            docs.deleteOne(Filters.eq("_id", "w" + writer + "-" + ((i + 13) % 40)));
                        }
                    }
                    return null;
                }));
            }
            long last = Files.size(file);
            long deadline = System.nanoTime() + 8_000_000_000L;
            while (System.nanoTime() < deadline && shrank < 3) {
                Thread.sleep(20);
                long size = Files.size(file);
                if (size < last) {
                    shrank++;
                }
                last = size;
            }
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            writers.shutdown();
            before = everything(docs);
        }
        assertThat(shrank).as("rewrites seen while writing").isGreaterThan(0);
        try (Running db = Running.on(file); MongoClient client = MongoClients.create(db.uri())) {
            assertThat(everything(client.getDatabase("app").getCollection("docs"))).isEqualTo(before);
        }
    }

    private static Map<String, Document> everything(MongoCollection<Document> docs) {
        Map<String, Document> all = new TreeMap<>();
        docs.find().forEach(d -> all.put(d.getString("_id"), d));
        return all;
    }
}
