package dev.switchboard.server.store.derived;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.ChangedCopy;
import dev.switchboard.server.store.cache.KeyedReads;
import dev.switchboard.server.store.cache.OwnWrite;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Per owner, the newest of their live items (tweets, stories), so that a page of them is one read by
 * {@code _id}: {@code { _id: <owner>, count: <live items>, items: [{ _id, at }] }}, items newest first (ties:
 * smaller id first), at most {@link #CAP}. Adding pushes and trims in one update; removing pulls. After
 * removals a list can hold fewer than {@code min(count, CAP)} items: {@link #window} then says the list
 * cannot answer and the caller reads the source collection.
 */
public final class NewestListStore {

    public static final String TIMELINES = "timelines";
    public static final String LIVE_STORIES = "live_stories";
    public static final String COUNT = "count";
    public static final String ITEMS = "items";
    public static final String AT = "at";
    public static final int CAP = 200;

    /** The order of items: newest first, then by id. */
    public static final Comparator<Document> NEWEST_FIRST = Comparator
            .comparing((Document d) -> d.getDate(AT), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(d -> d.getObjectId("_id"));

    private final MongoCollection<Document> lists;

    private final KeyedReads reads;

    public NewestListStore(MongoCollection<Document> lists, KeyedReads reads) {
        this.lists = lists;
        this.reads = reads;
    }

    public MongoCollection<Document> collection() {
        return lists;
    }

    public static Document item(ObjectId id, Date at) {
        return new Document("_id", id).append(AT, at);
    }

    /** Adds the item; a list the read cache held is kept there with it, when {@link #withNewest} can tell (see {@link OwnWrite}). */
    public void add(ObjectId owner, ObjectId id, Date at) {
        OwnWrite write = reads.beforeWrite(lists, owner);
        Upserts.byId(lists, owner, Updates.combine(Updates.inc(COUNT, 1),
                Updates.pushEach(ITEMS, List.of(item(id, at)),
                        new PushOptions().sortDocument(new Document(AT, -1).append("_id", 1)).slice(CAP))));
        write.cachedBefore().map(before -> withNewest(before, item(id, ChangedCopy.date(at)))).ifPresent(write::wrote);
    }

    /**
     * The list as {@link #add} leaves it, when the new item is newer than every item, which all have distinct dates
     * (the usual case: the update's sort then only puts it first); null otherwise, or when a field is not as
     * {@link #add} keeps it.
     */
    private static Document withNewest(Document list, Document item) {
        if (!(item.get(AT) instanceof Date newer) || !(list.get(ITEMS) instanceof List<?> items)) {
            return null;
        }
        for (Object i : items) {
            if (!(i instanceof Document d) || !(d.get(AT) instanceof Date at) || !at.before(newer)) {
                return null;
            }
            newer = at;
        }
        Number count = incremented(list.get(COUNT));
        if (count == null) {
            return null;
        }
        List<Object> after = new ArrayList<>(Math.min(items.size() + 1, CAP));
        after.add(item);
        after.addAll(items.subList(0, Math.min(items.size(), CAP - 1)));
        Document changed = ChangedCopy.replaced(list, COUNT, count);
        changed.put(ITEMS, after);
        return changed;
    }

    /** What {@code $inc: 1} makes of a stored count, of the same type; null when it cannot tell. */
    private static Number incremented(Object count) {
        if (count instanceof Integer n && n < Integer.MAX_VALUE) {
            return n + 1;
        }
        if (count instanceof Long n && n < Long.MAX_VALUE) {
            return n + 1;
        }
        return null;
    }

    public void remove(ObjectId owner, ObjectId id) {
        lists.updateOne(new Document("_id", owner), Updates.combine(Updates.inc(COUNT, -1),
                Updates.pull(ITEMS, new Document("_id", id))));
    }

    /** The stored list of that owner (empty when none). */
    public NewestList of(ObjectId owner) {
        return NewestList.of(owner, reads.byId(lists, owner).orElse(null));
    }

    /** The lists of these owners, in that order, read in one query by {@code _id}. */
    public List<NewestList> of(Collection<ObjectId> owners) {
        Map<Object, Document> stored = reads.sharedByIds(lists, owners); // NewestList only reads its items
        List<NewestList> out = new ArrayList<>();
        for (ObjectId owner : owners) {
            out.add(NewestList.of(owner, stored.get(owner)));
        }
        return out;
    }

    /** One owner's list as read. */
    public record NewestList(ObjectId owner, long count, List<Document> items) {

        static NewestList of(ObjectId owner, Document stored) {
            if (stored == null) {
                return new NewestList(owner, 0, List.of());
            }
            List<Document> items = stored.getList(ITEMS, Document.class);
            Number count = stored.get(COUNT, Number.class);
            return new NewestList(owner, count == null ? 0 : count.longValue(),
                    items == null ? List.of() : Collections.unmodifiableList(items));
        }

        /** True when the list holds every live item of its owner. */
        public boolean complete() {
            return items.size() >= count;
        }

        /** Items {@code [skip, skip + limit)}, or null when the list cannot tell (trimmed, then shrunk by removals). */
        public List<Document> window(int skip, int limit) {
            if (skip + limit > items.size() && !complete()) {
                return null;
            }
            return items.subList(Math.min(skip, items.size()), Math.min(items.size(), skip + limit));
        }

        public List<ObjectId> ids() {
            List<ObjectId> ids = new ArrayList<>();
            items.forEach(i -> ids.add(i.getObjectId("_id")));
            return ids;
        }
    }
}
