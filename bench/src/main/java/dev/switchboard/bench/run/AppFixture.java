package dev.switchboard.bench.run;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import dev.switchboard.protocol.jwt.Jwt;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The generated fixture of the application workload: seeded with {@code scripts/seed} (the command QA
 * runs, so its own speed is measured too) into the server's database, and the load plan read back
 * from the documents stored there.
 */
public final class AppFixture {

    /** The outcome of one {@code scripts/seed} run. */
    public record Seeded(double seconds, boolean completed, String outcome) {
    }

    private AppFixture() {
    }

    /** {@code scripts/seed generated --users N --seed 42} (default density) into {@code mongoUri}, timed. */
    public static Seeded seed(Path root, int users, String mongoUri, Path log, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = List.of("scripts/seed", "generated", "--users", Integer.toString(users), "--seed", "42",
                "--mongo-uri", mongoUri);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        double seconds = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Seeded(seconds, false, "stopped after " + timeout.toSeconds() + " s");
        }
        return new Seeded(seconds, p.exitValue() == 0, p.exitValue() == 0 ? "ok" : "exit " + p.exitValue() + ", see " + log);
    }

    /** Reads the plan from the database: users with their follows and blocks, tweets by owner. */
    public static AppPlan plan(String mongoUri, String jwtSecret) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoDatabase db = client.getDatabase("switchboard");
            List<Document> users = db.getCollection("users")
                    .find().projection(Projections.include("_id", "following", "block")).into(new ArrayList<>());
            Map<String, List<String>> tweetsByOwner = new HashMap<>();
            for (Document t : db.getCollection("tweets").find()
                    .projection(Projections.include("_id", "owner", "removed"))) {
                if (!Boolean.TRUE.equals(t.get("removed"))) {
                    tweetsByOwner.computeIfAbsent(id(t.get("owner")), o -> new ArrayList<>()).add(id(t.get("_id")));
                }
            }
            return plan(users, tweetsByOwner, new Jwt(jwtSecret));
        }
    }

    /** Peers of a user: the users it follows, minus any it blocks or that block it. */
    static AppPlan plan(List<Document> users, Map<String, List<String>> tweetsByOwner, Jwt jwt) {
        Map<String, Set<String>> blocks = new HashMap<>();
        for (Document u : users) {
            blocks.put(id(u.get("_id")), ids(u, "block"));
        }
        List<AppPlan.User> planned = new ArrayList<>();
        for (Document u : users) {
            String me = id(u.get("_id"));
            List<String> peers = ids(u, "following").stream()
                    .filter(p -> !blocks.get(me).contains(p) && !blocks.getOrDefault(p, Set.of()).contains(me))
                    .sorted()
                    .toList();
            List<String> likeable = new ArrayList<>(tweetsByOwner.getOrDefault(me, List.of()));
            peers.forEach(p -> likeable.addAll(tweetsByOwner.getOrDefault(p, List.of())));
            planned.add(new AppPlan.User(me, jwt.sign(me), peers, likeable));
        }
        planned.sort(java.util.Comparator.comparing(AppPlan.User::id));
        return new AppPlan(planned);
    }

    private static Set<String> ids(Document user, String field) {
        Set<String> out = new HashSet<>();
        List<?> entries = user.get(field, List.class);
        if (entries != null) {
            for (Object e : entries) {
                if (e instanceof Document d && d.get("id") != null) {
                    out.add(id(d.get("id")));
                }
            }
        }
        return out;
    }

    private static String id(Object value) {
        return value instanceof org.bson.types.ObjectId oid ? oid.toHexString() : String.valueOf(value);
    }
}
