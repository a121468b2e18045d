package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The {@code revocations} collection: {@code { _id: <user id>, tokens_valid_after: Date }}, one document
 * per user whose sessions were cut off. Kept apart from the user document so the user's stored shape
 * stays the contract's.
 */
public final class RevocationStore {

    public static final String COLLECTION = "revocations";
    public static final String TOKENS_VALID_AFTER = "tokens_valid_after";

    private final MongoCollection<Document> revocations;

    private final KeyedReads reads;

    public RevocationStore(MongoCollection<Document> revocations, KeyedReads reads) {
        this.revocations = revocations;
        this.reads = reads;
    }

    /** From now on, tokens of that user issued at or before {@code at} are refused. */
    public void revokeUpTo(ObjectId userId, Date at) {
        revocations.updateOne(eq("_id", userId), Updates.max(TOKENS_VALID_AFTER, at), new UpdateOptions().upsert(true));
    }

    /** The moment before which (inclusive) that user's tokens are refused, if any. */
    public Optional<Date> tokensValidAfter(ObjectId userId) {
        Document d = reads.byId(revocations, userId).orElse(null);
        return d == null ? Optional.empty() : Optional.ofNullable(d.getDate(TOKENS_VALID_AFTER));
    }
}
