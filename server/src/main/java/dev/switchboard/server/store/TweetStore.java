package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The {@code tweets} collection: {@code owner, likes: [id], comments: [{ _id, owner, context, reply_to,
 * sent_at }], context, sent_at, removed}. A removed tweet stays stored but is invisible to every read here.
 */
public final class TweetStore {

    public static final String COLLECTION = "tweets";
    public static final String OWNER = "owner";
    public static final String LIKES = "likes";
    public static final String COMMENTS = "comments";
    public static final String CONTEXT = "context";
    public static final String SENT_AT = "sent_at";
    public static final String REMOVED = "removed";
    public static final String REPLY_TO = "reply_to";

    private static final Bson LIVE = ne(REMOVED, true);

    private final MongoCollection<Document> tweets;

    public TweetStore(MongoCollection<Document> tweets) {
        this.tweets = tweets;
    }

    public MongoCollection<Document> collection() {
        return tweets;
    }

    public void ensureIndexes() {
        tweets.createIndex(Indexes.compoundIndex(Indexes.ascending(OWNER), Indexes.descending(SENT_AT)),
                new IndexOptions().name("owner_sent_at"));
        tweets.createIndex(Indexes.ascending(COMMENTS + "._id"), new IndexOptions().name("comments_id"));
    }

    /** A new tweet, stored whole: no likes, no comments, not removed. */
    public Document add(ObjectId owner, String context, Date sentAt) {
        Document tweet = new Document("_id", new ObjectId())
                .append(OWNER, owner)
                .append(LIKES, new ArrayList<ObjectId>())
                .append(COMMENTS, new ArrayList<Document>())
                .append(CONTEXT, context)
                .append(SENT_AT, sentAt)
                .append(REMOVED, false);
        tweets.insertOne(tweet);
        return tweet;
    }

    /** Stores a tweet document as given (an {@code _id} is added when missing). */
    public ObjectId insert(Document tweet) {
        if (tweet.get("_id") == null) {
            tweet.put("_id", new ObjectId());
        }
        tweets.insertOne(tweet);
        return tweet.getObjectId("_id");
    }

    /** A tweet that is not removed. Read by {@code _id} alone (index-backed everywhere), then checked here. */
    public Optional<Document> findLive(ObjectId id) {
        return findById(id).filter(TweetStore::isLive);
    }

    /** What {@link #LIVE} selects. */
    public static boolean isLive(Document tweet) {
        return !Boolean.TRUE.equals(tweet.get(REMOVED));
    }

    /** Any tweet, removed or not. */
    public Optional<Document> findById(ObjectId id) {
        return Optional.ofNullable(tweets.find(eq("_id", id)).first());
    }

    /** The live tweet holding that comment. */
    public Optional<Document> findLiveByComment(ObjectId commentId) {
        return Optional.ofNullable(tweets.find(and(eq(COMMENTS + "._id", commentId), LIVE)).first());
    }

    /** Live tweets of one user, newest first. */
    public List<Document> byOwner(ObjectId owner, int skip, int limit) {
        return live(new Document(OWNER, owner), skip, limit);
    }

    /** Live tweets of these users, newest first (the home timeline). */
    public List<Document> byOwners(Collection<ObjectId> owners, int skip, int limit) {
        if (owners.isEmpty()) {
            return List.of();
        }
        return live(new Document(OWNER, new Document("$in", List.copyOf(owners))), skip, limit);
    }

    /**
     * A page of the live tweets matching {@code filter}. The filter is one flat document rather than an
     * {@code $and}: the same query for MongoDB, fewer steps per scanned document for the embedded server.
     */
    private List<Document> live(Document filter, int skip, int limit) {
        return tweets.find(filter.append(REMOVED, new Document("$ne", true))).sort(Sorts.descending(SENT_AT))
                .skip(skip).limit(limit).into(new ArrayList<>());
    }

    public long countByOwner(ObjectId owner) {
        return tweets.countDocuments(and(eq(OWNER, owner), LIVE));
    }

    /** Marks the owner's live tweet removed; false when there is no such tweet of that owner. */
    public boolean markRemoved(ObjectId id, ObjectId owner) {
        return tweets.updateOne(and(eq("_id", id), eq(OWNER, owner), LIVE), Updates.set(REMOVED, true))
                .getModifiedCount() > 0;
    }

    /** Adds the like unless present; true when added ({@code $addToSet} modifies nothing when it is there). */
    public boolean like(ObjectId tweetId, ObjectId user) {
        return tweets.updateOne(eq("_id", tweetId), Updates.addToSet(LIKES, user)).getModifiedCount() > 0;
    }

    /** Takes the like back; true when there was one. */
    public boolean unlike(ObjectId tweetId, ObjectId user) {
        return tweets.updateOne(eq("_id", tweetId), Updates.pull(LIKES, user)).getModifiedCount() > 0;
    }

    /** A new comment, stored inside the tweet in one update. */
    public Document addComment(ObjectId tweetId, ObjectId owner, String context, ObjectId replyTo, Date sentAt) {
        Document comment = new Document("_id", new ObjectId())
                .append(OWNER, owner)
                .append(CONTEXT, context)
                .append(REPLY_TO, replyTo)
                .append(SENT_AT, sentAt);
        long modified = tweets.updateOne(and(eq("_id", tweetId), LIVE), Updates.push(COMMENTS, comment))
                .getModifiedCount();
        if (modified == 0) {
            throw new IllegalStateException("tweet " + tweetId.toHexString() + " disappeared while commenting");
        }
        return comment;
    }

    public boolean removeComment(ObjectId tweetId, ObjectId commentId) {
        return tweets.updateOne(eq("_id", tweetId), Updates.pull(COMMENTS, new Document("_id", commentId)))
                .getModifiedCount() > 0;
    }

    // --- reading a tweet document ---

    public static List<ObjectId> likes(Document tweet) {
        List<ObjectId> likes = tweet.getList(LIKES, ObjectId.class);
        return likes == null ? List.of() : likes;
    }

    /** Its comments in stored order (oldest first). */
    public static List<Document> comments(Document tweet) {
        List<Document> comments = tweet.getList(COMMENTS, Document.class);
        return comments == null ? List.of() : comments;
    }

    public static Optional<Document> comment(Document tweet, ObjectId commentId) {
        for (Document c : comments(tweet)) {
            if (commentId.equals(c.get("_id"))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
