package dev.switchboard.server.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
import dev.switchboard.server.store.derived.ChatListStore;
import dev.switchboard.server.store.derived.ConversationStore;
import dev.switchboard.server.store.derived.KeyedLocks;
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

    /** How often a conversation is read again while other nodes keep laying it out anew ({@link #backTo}). */
    private static final int WALK_ATTEMPTS = 30;

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
            // under the conversation's lock, as message/seen, so that the two never interleave on this node
            conversations.withPair(from, to, () -> {
                conversations.add(from, to, id, sentAt);
                chats.messageStored(from, to, sentAt, message.get(SEEN_AT) == null);
                return null;
            });
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
     * Marks every unread message from {@code from} to {@code to} as seen; returns how many. The recipient's read
     * mark for the sender bounds the part of the conversation read. Then the messages are marked, and the mark is
     * dropped if no message came in meanwhile (a crash in between leaves a mark with nothing unseen behind it,
     * which costs a read, never a message).
     *
     * <p>On a database this node alone writes, the conversation's lock ({@link ConversationStore#withPair}) keeps every
     * other write to these messages and this mark out meanwhile. On a shared one another node may be marking the same messages: each is counted by the
     * call whose update found it unseen ({@code seen_at: null} in the filter, which MongoDB checks per document
     * after the {@code _id} index found it), so two calls never both count one.
     */
    public long markSeen(ObjectId from, ObjectId to, Date at) {
        return conversations.withPair(from, to, () -> {
            ChatListStore.Inbox inbox = chats.inbox(to);
            Date mark = inbox.unseenFrom().get(from);
            if (mark == null) {
                return 0L;
            }
            List<ObjectId> unseen = unseen(backTo(mark, from, to), from, to).stream().map(m -> m.getObjectId("_id"))
                    .toList();
            long updated = unseen.isEmpty() ? 0 : messages.updateMany(reads.soleWriter() ? in("_id", unseen)
                    : and(in("_id", unseen), eq(SEEN_AT, null)), Updates.set(SEEN_AT, at)).getModifiedCount();
            chats.dropMark(to, from, inbox);
            return updated;
        });
    }

    /** The conversation's entries dated at or after the mark, read again while another node lays it out anew. */
    private ConversationStore.Walk backTo(Date mark, ObjectId from, ObjectId to) {
        for (int attempt = 0; attempt < WALK_ATTEMPTS; attempt++) {
            ConversationStore.Walk walk = conversations.since(from, to, mark);
            if (walk.complete()) {
                return walk;
            }
            KeyedLocks.backOff(attempt);
        }
        throw new IllegalStateException("the conversation of " + from + " and " + to
                + " kept being laid out again while it was read");
    }

    /** The messages of the walk from {@code from} to {@code to} not seen yet; read-only documents. */
    private List<Document> unseen(ConversationStore.Walk walk, ObjectId from, ObjectId to) {
        List<Document> out = new ArrayList<>();
        for (Document m : byIds(walk.entries().stream().map(e -> e.getObjectId("_id")).toList())) {
            if (from.equals(m.get(FROM)) && to.equals(m.get(TO)) && m.get(SEEN_AT) == null) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Messages to this user not seen yet, oldest first (ties by {@code _id}); read-only documents (the list is the
     * caller's). Only the conversations with a read mark not past their newest message are read, each back to
     * the mark.
     */
    public List<Document> unreadTo(ObjectId user) {
        List<Document> found = new ArrayList<>();
        ChatListStore.Inbox inbox = chats.inbox(user);
        inbox.unseenFrom().forEach((from, mark) -> {
            if (inbox.mayHoldUnseen(from)) {
                found.addAll(unseen(backTo(mark, from, user), from, user));
            }
        });
        found.sort(Comparator.comparing((Document m) -> m.getDate(SENT_AT), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(m -> m.getObjectId("_id")));
        return found;
    }

    /** Every user this user has exchanged a message with, newest conversation first. */
    public List<ObjectId> chatPartners(ObjectId user) {
        return chats.partners(user);
    }
}
