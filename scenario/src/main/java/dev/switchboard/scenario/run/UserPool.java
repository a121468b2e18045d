package dev.switchboard.scenario.run;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Users for {@code pick} actors: each lease is a user no other running scenario holds, handed back when
 * the run ends; the least recently used comes first, so consecutive runs spread over the population.
 */
public final class UserPool {

    public static final int MAX_USERS = 100_000;

    private final Deque<String> free;

    public UserPool(List<String> userIds) {
        this.free = new ArrayDeque<>(userIds);
    }

    /** The users of the database, by id (a deterministic order for a deterministic fixture). */
    public static UserPool fromDatabase(MongoDatabase db) {
        List<String> ids = db.getCollection("users").find().projection(Projections.include("_id"))
                .sort(Sorts.ascending("_id")).limit(MAX_USERS).map(d -> d.get("_id") instanceof ObjectId id ? id.toHexString() : String.valueOf(d.get("_id")))
                .into(new java.util.ArrayList<>());
        return new UserPool(ids);
    }

    public static UserPool empty() {
        return new UserPool(List.of());
    }

    public synchronized Optional<String> lease() {
        return Optional.ofNullable(free.pollFirst());
    }

    public synchronized void release(String userId) {
        free.addLast(userId);
    }

    public synchronized int available() {
        return free.size();
    }
}
