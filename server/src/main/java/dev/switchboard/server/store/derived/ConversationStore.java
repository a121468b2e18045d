package dev.switchboard.server.store.derived;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.ChangedCopy;
import dev.switchboard.server.store.cache.KeyedReads;
import dev.switchboard.server.store.cache.OwnWrite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Per pair of users, every message between them in the order stored: {@code { _id: "<smaller hex id>:<larger
 * hex id>", messages: [{ _id, at }] }} ({@code at} is the message's {@code sent_at}). A page of the
 * conversation is then one read by {@code _id} plus the page's messages by {@code _id}. A document holds
 * about 500,000 entries before MongoDB's 16 MB limit.
 */
public final class ConversationStore {

    public static final String COLLECTION = "conversations";
    public static final String MESSAGES = "messages";
    public static final String AT = "at";

    /** Newest first; equal dates keep the stored order (the order a sort of the messages collection keeps). */
    private static final Comparator<Document> NEWEST_FIRST = Comparator.comparing((Document d) -> d.getDate(AT),
            Comparator.nullsLast(Comparator.reverseOrder()));

    private final MongoCollection<Document> conversations;

    private final KeyedReads reads;

    public ConversationStore(MongoCollection<Document> conversations, KeyedReads reads) {
        this.conversations = conversations;
        this.reads = reads;
    }

    public MongoCollection<Document> collection() {
        return conversations;
    }

    public static String key(ObjectId a, ObjectId b) {
        String x = a.toHexString();
        String y = b.toHexString();
        return x.compareTo(y) <= 0 ? x + ":" + y : y + ":" + x;
    }

    public static Document entry(ObjectId message, Date at) {
        return new Document("_id", message).append(AT, at);
    }

    /** Appends the message's entry; a conversation the read cache held is kept there with it (see {@link OwnWrite}). */
    public void add(ObjectId from, ObjectId to, ObjectId message, Date at) {
        String key = key(from, to);
        OwnWrite write = reads.beforeWrite(conversations, key);
        Upserts.byId(conversations, key, Updates.push(MESSAGES, entry(message, at)));
        write.cachedBefore().map(before -> ChangedCopy.pushed(before, MESSAGES, entry(message, ChangedCopy.date(at))))
                .ifPresent(write::wrote);
    }

    /** The ids of one page of the conversation, newest first. */
    public List<ObjectId> page(ObjectId a, ObjectId b, int skip, int limit) {
        String key = key(a, b);
        Document stored = reads.sharedById(conversations, key).orElse(null); // only read: sorted as a new list
        List<Document> entries = stored == null ? null : stored.getList(MESSAGES, Document.class);
        if (entries == null) {
            return List.of();
        }
        List<Document> sorted = new ArrayList<>(entries);
        sorted.sort(NEWEST_FIRST);
        return sorted.stream().skip(skip).limit(limit).map(d -> d.getObjectId("_id")).toList();
    }
}
