package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
import dev.switchboard.server.store.cache.OwnWrite;
import dev.switchboard.server.store.derived.NewestListStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
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
    private static final FindOneAndUpdateOptions WHOLE_BEFORE = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.BEFORE);

    private final MongoCollection<Document> tweets;
    private final NewestListStore timelines;

    private final KeyedReads reads;

    public TweetStore(MongoCollection<Document> tweets, NewestListStore timelines, KeyedReads reads) {
        this.tweets = tweets;
        this.reads = reads;
        this.timelines = timelines;
    }

    /** Each owner's newest live tweets: {@code timelines}. */
    public NewestListStore timelines() {
        return timelines;
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
        insert(tweet);
        return tweet;
    }

    /** Stores a tweet document as given (an {@code _id} is added when missing), in its owner's timeline when live. */
    public ObjectId insert(Document tweet) {
        if (tweet.get("_id") == null) {
            tweet.put("_id", new ObjectId());
        }
        reads.insert(tweets, tweet);
        ObjectId id = tweet.getObjectId("_id");
        if (isLive(tweet) && tweet.get(OWNER) instanceof ObjectId owner) {
            timelines.add(owner, id, tweet.getDate(SENT_AT));
        }
        return id;
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
        return reads.byId(tweets, id);
    }

    /** The live tweet holding that comment. */
    public Optional<Document> findLiveByComment(ObjectId commentId) {
        return Optional.ofNullable(tweets.find(and(eq(COMMENTS + "._id", commentId), LIVE)).first());
    }

    /** Live tweets of one user, newest first (ties: smaller id first); read-only documents. */
    public List<Document> byOwner(ObjectId owner, int skip, int limit) {
        List<Document> window = timelines.of(owner).window(skip, limit);
        if (window == null) {
            return live(new Document(OWNER, owner), skip, limit);
        }
        return inOrder(window);
    }

    /**
     * Page {@code skip / limit} of the live tweets of these users, newest first (the home timeline): the first
     * {@code skip + limit} of each owner's timeline merged, then read by {@code _id}; read-only documents.
     */
    public List<Document> byOwners(Collection<ObjectId> owners, int skip, int limit) {
        if (owners.isEmpty()) {
            return List.of();
        }
        List<Document> merged = new ArrayList<>();
        List<ObjectId> unlisted = new ArrayList<>();
        for (NewestListStore.NewestList list : timelines.of(owners)) {
            List<Document> window = list.window(0, skip + limit);
            if (window == null) {
                unlisted.add(list.owner());
            } else {
                merged.addAll(window);
            }
        }
        if (!unlisted.isEmpty()) {
            for (Document t : live(new Document(OWNER, new Document("$in", unlisted)), 0, skip + limit)) {
                merged.add(NewestListStore.item(t.getObjectId("_id"), t.getDate(SENT_AT)));
            }
        }
        merged.sort(NewestListStore.NEWEST_FIRST);
        return inOrder(merged.subList(Math.min(skip, merged.size()), Math.min(merged.size(), skip + limit)));
    }

    /**
     * The tweets of these timeline items, read by {@code _id}, in the items' order. They are the cache's own
     * documents (pages are only rendered, and copying 20 tweets with their likes and comments was a tenth of a
     * connect's CPU): callers of {@link #byOwner} and {@link #byOwners} must not change them.
     */
    private List<Document> inOrder(List<Document> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        Map<Object, Document> byId = reads.sharedByIds(tweets, items.stream().map(i -> i.get("_id")).toList());
        List<Document> out = new ArrayList<>();
        for (Document item : items) {
            Document t = byId.get(item.get("_id"));
            if (t != null && isLive(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * A page of the live tweets matching {@code filter}, the same order as the timelines (the source the lists
     * are kept from; served by the {@code owner_sent_at} index on MongoDB).
     */
    private List<Document> live(Document filter, int skip, int limit) {
        return tweets.find(filter.append(REMOVED, new Document("$ne", true)))
                .sort(Sorts.orderBy(Sorts.descending(SENT_AT), Sorts.ascending("_id")))
                .skip(skip).limit(limit).into(new ArrayList<>());
    }

    public long countByOwner(ObjectId owner) {
        return timelines.of(owner).count();
    }

    /**
     * Marks the owner's live tweet removed and takes it out of their timeline; false when there is no such
     * tweet of that owner, or a concurrent call removed it first.
     */
    public boolean markRemoved(ObjectId id, ObjectId owner) {
        Optional<Document> tweet = findLive(id).filter(t -> owner.equals(t.get(OWNER)));
        if (tweet.isEmpty()) {
            return false;
        }
        Document before = tweets.findOneAndUpdate(eq("_id", id), Updates.set(REMOVED, true),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE).projection(Projections.include(REMOVED)));
        if (before == null || !isLive(before)) {
            return false;
        }
        timelines.remove(owner, id);
        return true;
    }

    /**
     * Likes the tweet when {@code user} has not, else takes the like back: each attempt one atomic update that
     * reports the document it changed, retried when a concurrent toggle of the same user changed it in between. So
     * concurrent toggles each flip the state once; empty when the tweet does not exist. {@code likedWhenRead}
     * (what the caller last read) only picks the attempt tried first, so a toggle usually takes one round trip.
     * The tweet as the attempt left it, worked out from the one it reports, goes to the read cache.
     */
    public Optional<LikeToggle> toggleLike(ObjectId tweetId, ObjectId user, boolean likedWhenRead) {
        boolean like = !likedWhenRead;
        while (true) {
            OwnWrite write = reads.beforeWrite(tweets, tweetId);
            Document was = tweets.findOneAndUpdate(eq("_id", tweetId),
                    like ? Updates.addToSet(LIKES, user) : Updates.pull(LIKES, user), WHOLE_BEFORE);
            if (was == null) {
                return Optional.empty();
            }
            List<ObjectId> likedBy = likes(was);
            int count = likedBy.size();
            boolean hadLiked = likedBy.contains(user);
            write.wrote(withLike(was, user, like));
            if (like && !hadLiked) {
                return Optional.of(new LikeToggle(true, count + 1));
            }
            if (!like && hadLiked) {
                return Optional.of(new LikeToggle(false, count - 1));
            }
            like = !like; // the state was the other one: this attempt changed nothing, so flip the other way
        }
    }

    /**
     * {@code tweet} changed as {@code $addToSet} (like) or {@code $pull} (unlike) of {@code user} in {@code likes}
     * changes it; null when it has no list of likes (the update would then add the field).
     */
    private static Document withLike(Document tweet, ObjectId user, boolean like) {
        if (!(tweet.get(LIKES) instanceof List<?> likes)) {
            return null;
        }
        List<Object> after = new ArrayList<>(likes);
        if (!like) {
            after.removeIf(user::equals);
        } else if (!after.contains(user)) {
            after.add(user);
        }
        tweet.put(LIKES, after);
        return tweet;
    }

    /** The outcome of a like toggle: liked now or not, and the like count right after. */
    public record LikeToggle(boolean liked, int likes) {
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
