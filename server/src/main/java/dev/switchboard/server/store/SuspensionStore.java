package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import dev.switchboard.server.store.cache.KeyedReads;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The {@code suspensions} collection: {@code { _id: <user id>, reason, until: Date or null (indefinitely),
 * by: <moderator id>, at }}, at most one per user. A suspension whose {@code until} has passed is over;
 * lifting one deletes it (the audit log keeps the history).
 */
public final class SuspensionStore {

    public static final String COLLECTION = "suspensions";
    public static final String REASON = "reason";
    public static final String UNTIL = "until";
    public static final String BY = "by";
    public static final String AT = "at";

    private final MongoCollection<Document> suspensions;

    private final KeyedReads reads;

    public SuspensionStore(MongoCollection<Document> suspensions, KeyedReads reads) {
        this.suspensions = suspensions;
        this.reads = reads;
    }

    /** Suspends the user, replacing any suspension in force; returns the stored document. */
    public Document suspend(ObjectId userId, String reason, Date until, ObjectId by, Date at) {
        Document suspension = new Document("_id", userId).append(REASON, reason).append(UNTIL, until)
                .append(BY, by).append(AT, at);
        suspensions.replaceOne(eq("_id", userId), suspension, new ReplaceOptions().upsert(true));
        return suspension;
    }

    /** The user's suspension if it is in force at {@code now}. */
    public Optional<Document> inForce(ObjectId userId, Date now) {
        return reads.byId(suspensions, userId).filter(s -> inForce(s, now));
    }

    public static boolean inForce(Document suspension, Date now) {
        return !(suspension.get(UNTIL) instanceof Date until) || until.after(now);
    }

    /** Lifts the user's suspension; false when none was in force. */
    public boolean lift(ObjectId userId, Date now) {
        return inForce(userId, now).map(s -> suspensions.deleteOne(eq("_id", userId)).getDeletedCount() > 0)
                .orElse(false);
    }
}
