package dev.switchboard.server.store.derived;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Per user, everyone they exchanged a message with and when the newest message between them was sent, and the
 * messages to them not seen yet: {@code { _id: <user>, partners: { <other user's hex id>: Date }, unread:
 * [<message id>] }}. A new message raises both sides' dates with {@code $max}, so concurrent messages leave the
 * newest, and adds itself to the recipient's {@code unread} in the same round trip.
 */
public final class ChatListStore {

    public static final String COLLECTION = "chats";
    public static final String PARTNERS = "partners";
    public static final String UNREAD = "unread";

    private static final FindOneAndUpdateOptions UNREAD_BEFORE = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.BEFORE).projection(Projections.include(UNREAD));

    private final MongoCollection<Document> chats;

    private final KeyedReads reads;

    public ChatListStore(MongoCollection<Document> chats, KeyedReads reads) {
        this.chats = chats;
        this.reads = reads;
    }

    public MongoCollection<Document> collection() {
        return chats;
    }

    /**
     * What a stored message changes: both sides' dates (when it has one) and, while it is unseen, the recipient's
     * unread list; one round trip. {@code $addToSet} rather than {@code $push} keeps the batch safe to send again
     * after a duplicate key (two first writers of a user's document), and still appends at the end.
     */
    public void messageStored(ObjectId from, ObjectId to, ObjectId message, Date at, boolean unseen) {
        Map<Object, List<Bson>> updates = new LinkedHashMap<>();
        if (at != null) {
            updates.computeIfAbsent(from, u -> new ArrayList<>()).add(Updates.max(PARTNERS + "." + to.toHexString(), at));
            if (!from.equals(to)) {
                updates.computeIfAbsent(to, u -> new ArrayList<>()).add(Updates.max(PARTNERS + "." + from.toHexString(), at));
            }
        }
        if (unseen) {
            updates.computeIfAbsent(to, u -> new ArrayList<>()).add(Updates.addToSet(UNREAD, message));
        }
        if (updates.isEmpty()) {
            return;
        }
        Map<Object, Bson> combined = new LinkedHashMap<>();
        updates.forEach((user, list) -> combined.put(user, list.size() == 1 ? list.get(0) : Updates.combine(list)));
        Upserts.byIdsIdempotent(chats, combined);
    }

    /** The partners, newest conversation first (ties by id). */
    public List<ObjectId> partners(ObjectId user) {
        Document stored = reads.sharedById(chats, user).orElse(null); // only read: its entries go to a new list
        Document partners = stored == null ? null : stored.get(PARTNERS, Document.class);
        List<Map.Entry<String, Object>> entries = partners == null ? new ArrayList<>()
                : new ArrayList<>(partners.entrySet());
        entries.sort(Map.Entry.<String, Object>comparingByValue((a, b) -> ((Date) b).compareTo((Date) a))
                .thenComparing(Map.Entry::getKey));
        return entries.stream().map(e -> new ObjectId(e.getKey())).toList();
    }

    /** The ids of the messages to this user not seen yet, in the order they were stored; unmodifiable. */
    public List<ObjectId> unread(ObjectId user) {
        Document stored = reads.sharedById(chats, user).orElse(null); // the cache's own list, handed out unmodifiable
        List<ObjectId> ids = stored == null ? null : stored.getList(UNREAD, ObjectId.class);
        return ids == null ? List.of() : Collections.unmodifiableList(ids);
    }

    /**
     * Takes these ids out of the user's unread list in one atomic update and returns those that were still in it:
     * of two concurrent callers taking the same ids, each id goes to exactly one.
     */
    public List<ObjectId> takeUnread(ObjectId user, Collection<ObjectId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Document before = chats.findOneAndUpdate(new Document("_id", user), Updates.pullAll(UNREAD, List.copyOf(ids)),
                UNREAD_BEFORE);
        List<ObjectId> was = before == null ? null : before.getList(UNREAD, ObjectId.class);
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
