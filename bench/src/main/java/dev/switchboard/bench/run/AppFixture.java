package dev.switchboard.bench.run;

import dev.switchboard.bench.result.AppPlan;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.fixture.CancellationToken;
import dev.switchboard.server.fixture.FixtureDocuments;
import dev.switchboard.server.fixture.FixtureSpec;
import dev.switchboard.server.fixture.ProgressListener;
import dev.switchboard.server.fixture.SeedReport;
import dev.switchboard.server.fixture.Seeder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The generated fixture of the application workload: seeds it into the server's database through the
 * fixtures API and derives the load plan from the very same documents.
 */
public final class AppFixture {

    private AppFixture() {
    }

    public static FixtureSpec.Generated spec(int users, int density) {
        return new FixtureSpec.Generated(users, 42, density, FixtureSpec.Generated.DEFAULT_ANCHOR);
    }

    public static SeedReport seed(FixtureSpec.Generated spec, String mongoUri) {
        try (Database db = Database.connect(mongoUri)) {
            return Seeder.seed(spec, db.mongo(), ProgressListener.NONE, new CancellationToken());
        }
    }

    public static AppPlan plan(FixtureSpec.Generated spec) {
        return plan(Seeder.documents(spec));
    }

    /** Peers of a user: the users it follows, minus any it blocks or that block it. */
    static AppPlan plan(FixtureDocuments documents) {
        List<Document> users = documents.of("users");
        Map<String, Set<String>> blocks = new HashMap<>();
        Map<String, Integer> followers = new HashMap<>();
        for (Document u : users) {
            blocks.put(id(u.get("_id")), ids(u, "block"));
            ids(u, "following").forEach(f -> followers.merge(f, 1, Integer::sum));
        }
        List<AppPlan.User> planned = new ArrayList<>();
        for (Document u : users) {
            String me = id(u.get("_id"));
            List<String> peers = ids(u, "following").stream()
                    .filter(p -> !blocks.get(me).contains(p) && !blocks.getOrDefault(p, Set.of()).contains(me))
                    .sorted()
                    .toList();
            planned.add(new AppPlan.User(me, peers, followers.getOrDefault(me, 0)));
        }
        List<AppPlan.Tweet> tweets = documents.of("tweets").stream()
                .filter(t -> !Boolean.TRUE.equals(t.get("removed")))
                .map(t -> new AppPlan.Tweet(id(t.get("_id")), id(t.get("owner"))))
                .toList();
        return new AppPlan(planned, tweets);
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
