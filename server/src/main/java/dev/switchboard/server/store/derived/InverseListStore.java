package dev.switchboard.server.store.derived;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The inverse of an array of user entries: {@code followers} is who has me in {@code following},
 * {@code blockers} is who has me in {@code block}. One document per user that anybody points at:
 * {@code { _id: <user id>, entries: [{ id: <the other user>, <at field>: Date }] }}, each entry a copy of the
 * other user's entry naming me (same date). Kept by {@link dev.switchboard.server.store.UserStore}, which
 * changes the source array and then this document.
 */
public final class InverseListStore {

    public static final String FOLLOWERS = "followers";
    public static final String BLOCKERS = "blockers";
    public static final String ENTRIES = "entries";
    public static final String ID = "id";

    private final MongoCollection<Document> lists;
    private final String atField;
    private final KeyedReads reads;

    public InverseListStore(MongoCollection<Document> lists, String atField, KeyedReads reads) {
        this.lists = lists;
        this.reads = reads;
        this.atField = atField;
    }

    public MongoCollection<Document> collection() {
        return lists;
    }

    public String atField() {
        return atField;
    }

    /** {@code other} now points at {@code user} since {@code at}. */
    public void add(ObjectId user, ObjectId other, Date at) {
        Upserts.byId(lists, user, Updates.push(ENTRIES, new Document(ID, other).append(atField, at)));
    }

    /** {@code other} no longer points at {@code user}. */
    public void remove(ObjectId user, ObjectId other) {
        lists.updateOne(new Document("_id", user), Updates.pull(ENTRIES, new Document(ID, other)));
    }

    /** The entries naming {@code user}, oldest first (ties by the other user's id). */
    public List<Document> entries(ObjectId user) {
        Document list = reads.byId(lists, user).orElse(null);
        return sorted(list == null ? null : list.getList(ENTRIES, Document.class), atField);
    }

    public List<ObjectId> ids(ObjectId user) {
        List<ObjectId> ids = new ArrayList<>();
        for (Document e : entries(user)) {
            ids.add(e.getObjectId(ID));
        }
        return ids;
    }

    static List<Document> sorted(List<Document> entries, String atField) {
        List<Document> out = entries == null ? new ArrayList<>() : new ArrayList<>(entries);
        out.sort(Comparator.comparing((Document e) -> e.getDate(atField), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(e -> e.getObjectId(ID)));
        return out;
    }
}
