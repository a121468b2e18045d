package dev.switchboard.server.store.derived;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Per user, everyone they exchanged a message with and when the newest message between them was sent:
 * {@code { _id: <user>, partners: { <other user's hex id>: Date } }}. A new message raises both sides'
 * dates with {@code $max}, so concurrent messages leave the newest.
 */
public final class ChatListStore {

    public static final String COLLECTION = "chats";
    public static final String PARTNERS = "partners";

    private final MongoCollection<Document> chats;

    private final KeyedReads reads;

    public ChatListStore(MongoCollection<Document> chats, KeyedReads reads) {
        this.chats = chats;
        this.reads = reads;
    }

    public MongoCollection<Document> collection() {
        return chats;
    }

    public void messageSent(ObjectId from, ObjectId to, Date at) {
        Map<Object, Bson> updates = new LinkedHashMap<>();
        updates.put(from, Updates.max(PARTNERS + "." + to.toHexString(), at));
        if (!from.equals(to)) {
            updates.put(to, Updates.max(PARTNERS + "." + from.toHexString(), at));
        }
        Upserts.byIdsIdempotent(chats, updates);
    }

    /** The partners, newest conversation first (ties by id). */
    public List<ObjectId> partners(ObjectId user) {
        Document stored = reads.byId(chats, user).orElse(null);
        Document partners = stored == null ? null : stored.get(PARTNERS, Document.class);
        List<Map.Entry<String, Object>> entries = partners == null ? new ArrayList<>()
                : new ArrayList<>(partners.entrySet());
        entries.sort(Map.Entry.<String, Object>comparingByValue((a, b) -> ((Date) b).compareTo((Date) a))
                .thenComparing(Map.Entry::getKey));
        return entries.stream().map(e -> new ObjectId(e.getKey())).toList();
    }
}
