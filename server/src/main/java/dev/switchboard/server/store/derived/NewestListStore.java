package dev.switchboard.server.store.derived;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
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

    public void add(ObjectId owner, ObjectId id, Date at) {
        Upserts.byId(lists, owner, Updates.combine(Updates.inc(COUNT, 1),
                Updates.pushEach(ITEMS, List.of(item(id, at)),
                        new PushOptions().sortDocument(new Document(AT, -1).append("_id", 1)).slice(CAP))));
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
