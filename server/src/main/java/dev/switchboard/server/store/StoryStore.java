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
import dev.switchboard.server.store.derived.NewestListStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
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

    private final MongoCollection<Document> stories;
    private final NewestListStore liveStories;

    private final KeyedReads reads;

    public StoryStore(MongoCollection<Document> stories, NewestListStore liveStories, KeyedReads reads) {
        this.stories = stories;
        this.reads = reads;
        this.liveStories = liveStories;
    }

    /** Each owner's newest stories not removed: {@code live_stories}. */
    public NewestListStore liveStories() {
        return liveStories;
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
        insert(story);
        return story;
    }

    /** Stores a story as given (an {@code _id} is added when missing), in its owner's list unless removed. */
    public ObjectId insert(Document story) {
        if (story.get("_id") == null) {
            story.put("_id", new ObjectId());
        }
        stories.insertOne(story);
        ObjectId id = story.getObjectId("_id");
        if (!Boolean.TRUE.equals(story.get(REMOVED)) && story.get(OWNER) instanceof ObjectId owner) {
            liveStories.add(owner, id, story.getDate(ADDED_AT));
        }
        return id;
    }

    public Optional<Document> findById(ObjectId id) {
        return reads.byId(stories, id);
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

    /**
     * Live stories of these owners, newest first (ties: smaller id first), without their images: the owners'
     * lists down to the 24-hour cutoff, then the stories by {@code _id}.
     */
    public List<Document> liveOf(Collection<ObjectId> owners, Date now) {
        if (owners.isEmpty()) {
            return List.of();
        }
        Date cutoff = cutoff(now);
        List<Document> items = new ArrayList<>();
        List<ObjectId> unlisted = new ArrayList<>();
        for (NewestListStore.NewestList list : liveStories.of(owners)) {
            List<Document> listed = list.items();
            boolean reachesCutoff = !listed.isEmpty() && listed.get(listed.size() - 1).getDate(NewestListStore.AT)
                    .before(cutoff);
            if (!list.complete() && !reachesCutoff) {
                unlisted.add(list.owner());
                continue;
            }
            listed.stream().filter(i -> !i.getDate(NewestListStore.AT).before(cutoff)).forEach(items::add);
        }
        List<Document> found = new ArrayList<>();
        if (!items.isEmpty()) {
            Map<Object, Document> byId = reads.byIds(stories, items.stream().map(i -> i.get("_id")).toList());
            byId.values().forEach(d -> d.remove(IMAGE));
            items.stream().map(i -> byId.get(i.get("_id"))).filter(d -> d != null && isLive(d, now))
                    .forEach(found::add);
        }
        if (!unlisted.isEmpty()) {
            Document filter = new Document(OWNER, new Document("$in", unlisted))
                    .append(REMOVED, new Document("$ne", true))
                    .append(ADDED_AT, new Document("$gte", cutoff));
            stories.find(filter).projection(Projections.exclude(IMAGE)).into(found);
        }
        found.sort(Comparator.comparing((Document d) -> d.getDate(ADDED_AT), Comparator.reverseOrder())
                .thenComparing(d -> d.getObjectId("_id")));
        return found;
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

    /**
     * Marks the owner's story removed and takes it out of their list; false when there is no such story of
     * that owner, or a concurrent call removed it first.
     */
    public boolean markRemoved(ObjectId storyId, ObjectId owner) {
        Optional<Document> story = findById(storyId).filter(s -> owner.equals(s.get(OWNER)));
        if (story.isEmpty() || Boolean.TRUE.equals(story.get().get(REMOVED))) {
            return false;
        }
        Document before = stories.findOneAndUpdate(eq("_id", storyId), Updates.set(REMOVED, true),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE).projection(Projections.include(REMOVED)));
        if (before == null || Boolean.TRUE.equals(before.get(REMOVED))) {
            return false;
        }
        liveStories.remove(owner, storyId);
        return true;
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
