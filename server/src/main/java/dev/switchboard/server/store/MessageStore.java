package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
import dev.switchboard.server.store.derived.ChatListStore;
import dev.switchboard.server.store.derived.ConversationStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The {@code messages} collection: {@code from, to, reply_to, context: { text, image }, sent_at, seen_at}. */
public final class MessageStore {

    public static final String COLLECTION = "messages";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String REPLY_TO = "reply_to";
    public static final String CONTEXT = "context";
    public static final String TEXT = "text";
    public static final String IMAGE = "image";
    public static final String SENT_AT = "sent_at";
    public static final String SEEN_AT = "seen_at";

    private final MongoCollection<Document> messages;
    private final ConversationStore conversations;
    private final ChatListStore chats;
    private final KeyedReads reads;

    public MessageStore(MongoCollection<Document> messages, ConversationStore conversations, ChatListStore chats,
                        KeyedReads reads) {
        this.messages = messages;
        this.reads = reads;
        this.conversations = conversations;
        this.chats = chats;
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public ChatListStore chats() {
        return chats;
    }

    public MongoCollection<Document> collection() {
        return messages;
    }

    public void ensureIndexes() {
        messages.createIndex(Indexes.compoundIndex(Indexes.ascending(FROM), Indexes.ascending(TO),
                Indexes.descending(SENT_AT)), new IndexOptions().name("from_to_sent_at"));
        messages.createIndex(Indexes.compoundIndex(Indexes.ascending(TO), Indexes.ascending(SEEN_AT)),
                new IndexOptions().name("to_seen_at"));
    }

    /** A new message, stored whole, unseen. {@code text} and {@code image} may each be null. */
    public Document add(ObjectId from, ObjectId to, String text, String image, ObjectId replyTo, Date sentAt) {
        Document message = new Document("_id", new ObjectId())
                .append(FROM, from)
                .append(TO, to)
                .append(REPLY_TO, replyTo)
                .append(CONTEXT, new Document(TEXT, text).append(IMAGE, image))
                .append(SENT_AT, sentAt)
                .append(SEEN_AT, null);
        insert(message);
        return message;
    }

    /**
     * Stores a message document as given (an {@code _id} is added when missing), then what is derived from it:
     * the conversation's entry, and both chat lists (with the recipient's unread list while unseen).
     */
    public ObjectId insert(Document message) {
        if (message.get("_id") == null) {
            message.put("_id", new ObjectId());
        }
        reads.insert(messages, message);
        ObjectId id = message.getObjectId("_id");
        if (message.get(FROM) instanceof ObjectId from && message.get(TO) instanceof ObjectId to) {
            Date sentAt = message.getDate(SENT_AT);
            conversations.add(from, to, id, sentAt);
            chats.messageStored(from, to, id, sentAt, message.get(SEEN_AT) == null);
        }
        return id;
    }

    public Optional<Document> findById(ObjectId id) {
        return reads.byId(messages, id);
    }

    /** The conversation between two users, newest first; read-only documents. */
    public List<Document> conversation(ObjectId a, ObjectId b, int skip, int limit) {
        return byIds(conversations.page(a, b, skip, limit));
    }

    /**
     * These messages, read by {@code _id}, in the order given (missing ones left out). They are the cache's own
     * documents: pages and unread lists are only rendered, so what this class hands out of them must not be
     * changed by its callers.
     */
    private List<Document> byIds(List<ObjectId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Object, Document> byId = reads.sharedByIds(messages, ids);
        List<Document> out = new ArrayList<>();
        for (ObjectId id : ids) {
            Document m = byId.get(id);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** True when that message belongs to the conversation between the two users. */
    public boolean inConversation(ObjectId messageId, ObjectId a, ObjectId b) {
        return findById(messageId).filter(m -> between(m, a, b)).isPresent();
    }

    private static boolean between(Document m, ObjectId a, ObjectId b) {
        Object from = m.get(FROM);
        Object to = m.get(TO);
        return (a.equals(from) && b.equals(to)) || (b.equals(from) && a.equals(to));
    }

    /**
     * Marks every unread message from {@code from} to {@code to} as seen; returns how many. The recipient's
     * unread list names the candidates; taking them out of it is the atomic step, so two concurrent calls
     * never both count the same message.
     */
    public long markSeen(ObjectId from, ObjectId to, Date at) {
        List<ObjectId> fromThem = new ArrayList<>();
        for (Document m : byIds(chats.unread(to))) {
            if (from.equals(m.get(FROM)) && m.get(SEEN_AT) == null) {
                fromThem.add(m.getObjectId("_id"));
            }
        }
        List<ObjectId> taken = chats.takeUnread(to, fromThem);
        if (taken.isEmpty()) {
            return 0;
        }
        messages.updateMany(in("_id", taken), Updates.set(SEEN_AT, at));
        return taken.size();
    }

    /** Messages to this user not seen yet, oldest first; read-only documents (the list is the caller's). */
    public List<Document> unreadTo(ObjectId user) {
        List<Document> found = new ArrayList<>(byIds(chats.unread(user)));
        found.removeIf(m -> m.get(SEEN_AT) != null);
        found.sort(Comparator.comparing((Document m) -> m.getDate(SENT_AT), Comparator.nullsFirst(Comparator.naturalOrder())));
        return found;
    }

    /** Every user this user has exchanged a message with, newest conversation first. */
    public List<ObjectId> chatPartners(ObjectId user) {
        return chats.partners(user);
    }
}
