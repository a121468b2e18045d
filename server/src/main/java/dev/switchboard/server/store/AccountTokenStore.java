package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The {@code account_tokens} collection: the single-use tokens mailed to confirm an email or reset a
 * password, {@code { _id: <SHA-256 of the token, hex>, user_id, purpose, created_at, expires_at }}. Only
 * the hash is stored, so reading the collection does not give anyone a usable token.
 */
public final class AccountTokenStore {

    public static final String COLLECTION = "account_tokens";
    public static final String USER_ID = "user_id";
    public static final String PURPOSE = "purpose";
    public static final String CREATED_AT = "created_at";
    public static final String EXPIRES_AT = "expires_at";

    private final MongoCollection<Document> tokens;

    public AccountTokenStore(MongoCollection<Document> tokens) {
        this.tokens = tokens;
    }

    public void ensureIndexes() {
        tokens.createIndex(Indexes.ascending(USER_ID, PURPOSE), new IndexOptions().name("user_purpose"));
        // honoured by MongoDB (not by the embedded database, where spent and expired ones are deleted as used)
        tokens.createIndex(Indexes.ascending(EXPIRES_AT), new IndexOptions().name("expires_ttl")
                .expireAfter(0L, java.util.concurrent.TimeUnit.SECONDS));
    }

    public void insert(String hash, ObjectId userId, String purpose, Date createdAt, Date expiresAt) {
        tokens.insertOne(new Document("_id", hash).append(USER_ID, userId).append(PURPOSE, purpose)
                .append(CREATED_AT, createdAt).append(EXPIRES_AT, expiresAt));
    }

    /** The user of that unexpired token of that purpose, without spending it. */
    public Optional<ObjectId> userOf(String hash, String purpose, Date now) {
        Document d = tokens.find(and(eq("_id", hash), eq(PURPOSE, purpose))).first();
        return d == null || !d.getDate(EXPIRES_AT).after(now) ? Optional.empty() : Optional.of(d.getObjectId(USER_ID));
    }

    /** Deletes the token; true for the one caller that deleted it while it was still unexpired. */
    public boolean spend(String hash, String purpose, Date now) {
        Document d = tokens.findOneAndDelete(and(eq("_id", hash), eq(PURPOSE, purpose)));
        return d != null && d.getDate(EXPIRES_AT).after(now);
    }

    /** Forgets every token of that purpose of that user (a password changed: older reset links die). */
    public void deleteAll(ObjectId userId, String purpose) {
        tokens.deleteMany(and(eq(USER_ID, userId), eq(PURPOSE, purpose)));
    }

    /** Deletes expired tokens (the embedded database ignores TTL indexes). */
    public long deleteExpired(Date now) {
        return tokens.deleteMany(lt(EXPIRES_AT, now)).getDeletedCount();
    }
}
