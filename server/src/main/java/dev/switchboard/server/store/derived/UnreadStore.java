package dev.switchboard.server.store.derived;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Per user, the ids of the messages to them not seen yet, in the order they were stored:
 * {@code { _id: <user>, ids: [<message id>] }}.
 */
public final class UnreadStore {

    public static final String COLLECTION = "unread";
    public static final String IDS = "ids";

    private final MongoCollection<Document> unread;

    private final KeyedReads reads;

    public UnreadStore(MongoCollection<Document> unread, KeyedReads reads) {
        this.unread = unread;
        this.reads = reads;
    }

    public MongoCollection<Document> collection() {
        return unread;
    }

    public void add(ObjectId to, ObjectId message) {
        Upserts.byId(unread, to, Updates.push(IDS, message));
    }

    public List<ObjectId> ids(ObjectId user) {
        Document stored = reads.byId(unread, user).orElse(null);
        List<ObjectId> ids = stored == null ? null : stored.getList(IDS, ObjectId.class);
        return ids == null ? List.of() : ids;
    }

    /**
     * Takes these ids out of the user's list in one atomic update and returns those that were still in it:
     * of two concurrent callers taking the same ids, each id goes to exactly one.
     */
    public List<ObjectId> take(ObjectId user, Collection<ObjectId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Document before = unread.findOneAndUpdate(new Document("_id", user), Updates.pullAll(IDS, List.copyOf(ids)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        List<ObjectId> was = before == null ? null : before.getList(IDS, ObjectId.class);
        List<ObjectId> taken = new ArrayList<>();
        if (was != null) {
            for (ObjectId id : ids) {
                if (was.contains(id)) {
                    taken.add(id);
                }
            }
        }
        return taken;
    }
}
