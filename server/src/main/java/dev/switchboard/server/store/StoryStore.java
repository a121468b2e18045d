package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
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
 * The {@code stories} collection: {@code owner, image (base64), added_at, seen_by: [{ by, at }], removed}.
 * A story is live for {@link #LIFETIME_MS} after it was added, unless removed.
 */
public final class StoryStore {

    public static final String COLLECTION = "stories";
    public static final String OWNER = "owner";
    public static final String IMAGE = "image";
    public static final String ADDED_AT = "added_at";
    public static final String SEEN_BY = "seen_by";
    public static final String BY = "by";
    public static final String AT = "at";
    public static final String REMOVED = "removed";
    public static final long LIFETIME_MS = 24L * 60 * 60 * 1000;

    private static final Bson NOT_REMOVED = ne(REMOVED, true);

    private final MongoCollection<Document> stories;

    public StoryStore(MongoCollection<Document> stories) {
        this.stories = stories;
    }

    public MongoCollection<Document> collection() {
        return stories;
    }

    public void ensureIndexes() {
        stories.createIndex(Indexes.compoundIndex(Indexes.ascending(OWNER), Indexes.descending(ADDED_AT)),
                new IndexOptions().name("owner_added_at"));
    }

    /** A new story, stored whole: unseen, not removed. */
    public Document add(ObjectId owner, String image, Date addedAt) {
        Document story = new Document("_id", new ObjectId())
                .append(OWNER, owner)
                .append(IMAGE, image)
                .append(ADDED_AT, addedAt)
                .append(SEEN_BY, new ArrayList<Document>())
                .append(REMOVED, false);
        stories.insertOne(story);
        return story;
    }

    public ObjectId insert(Document story) {
        if (story.get("_id") == null) {
            story.put("_id", new ObjectId());
        }
        stories.insertOne(story);
        return story.getObjectId("_id");
    }

    public Optional<Document> findById(ObjectId id) {
        return Optional.ofNullable(stories.find(eq("_id", id)).first());
    }

    /** The story if it is live at {@code now}: not removed, added within the last 24 hours. */
    public Optional<Document> findLive(ObjectId id, Date now) {
        return findById(id).filter(s -> isLive(s, now));
    }

    /** Not removed and added within the last 24 hours at {@code now}, as {@link #liveOf} selects. */
    public static boolean isLive(Document story, Date now) {
        return !Boolean.TRUE.equals(story.get(REMOVED)) && story.get(ADDED_AT) instanceof Date added
                && !added.before(cutoff(now));
    }

    /** Live stories of these owners, newest first, without their images. */
    public List<Document> liveOf(Collection<ObjectId> owners, Date now) {
        if (owners.isEmpty()) {
            return List.of();
        }
        Document filter = new Document(OWNER, new Document("$in", List.copyOf(owners)))
                .append(REMOVED, new Document("$ne", true))
                .append(ADDED_AT, new Document("$gte", cutoff(now)));
        return stories.find(filter).projection(Projections.exclude(IMAGE))
                .sort(Sorts.descending(ADDED_AT)).into(new ArrayList<>());
    }

    /** Every story of one owner (removed and expired too), newest first, without images. */
    public List<Document> allOf(ObjectId owner) {
        return stories.find(eq(OWNER, owner)).projection(Projections.exclude(IMAGE))
                .sort(Sorts.descending(ADDED_AT)).into(new ArrayList<>());
    }

    private static Date cutoff(Date now) {
        return new Date(now.getTime() - LIFETIME_MS);
    }

    /** Records that {@code by} saw the story, once; true when this was the first time. */
    public boolean markSeen(ObjectId storyId, ObjectId by, Date at) {
        return stories.updateOne(and(eq("_id", storyId), ne(SEEN_BY + "." + BY, by)),
                Updates.push(SEEN_BY, new Document(BY, by).append(AT, at))).getModifiedCount() > 0;
    }

    /** Marks the owner's story removed; false when there is no such story of that owner. */
    public boolean markRemoved(ObjectId storyId, ObjectId owner) {
        return stories.updateOne(and(eq("_id", storyId), eq(OWNER, owner), NOT_REMOVED),
                Updates.set(REMOVED, true)).getModifiedCount() > 0;
    }

    public static boolean seenBy(Document story, ObjectId user) {
        List<Document> seen = story.getList(SEEN_BY, Document.class);
        if (seen == null) {
            return false;
        }
        for (Document s : seen) {
            if (user.equals(s.get(BY))) {
                return true;
            }
        }
        return false;
    }
}
