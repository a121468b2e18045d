package dev.switchboard.server.store.derived;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
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
 * Per user, everyone they exchanged a message with and when the newest message between them was sent, and per
 * sender what came in from them: {@code { _id: <user>, partners: { <other user's hex id>: Date }, inbox: { <sender's
 * hex id>: { received, newest, unseen_from } } }}. {@code unseen_from} is a read mark: every message from that
 * sender dated before it is seen, so the unseen ones are found by reading the conversation back to it, never more.
 *
 * <p>Every field is bounded by the number of partners, whatever the number of messages: a new message raises both
 * sides' dates with {@code $max}, counts itself in the recipient's {@code received}, and, while unseen, lowers the
 * recipient's mark to its date with {@code $min}, all in one round trip.
 */
public final class ChatListStore {

    public static final String COLLECTION = "chats";
    public static final String PARTNERS = "partners";
    public static final String INBOX = "inbox";
    public static final String RECEIVED = "received";
    public static final String NEWEST = "newest";
    public static final String UNSEEN_FROM = "unseen_from";
    /** Where a message without a date sorts: before every dated one. */
    public static final Date UNDATED = new Date(0);

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
     * What came in from one sender: how many messages ({@code received}, which changes with every one of them),
     * the newest one's date (null when none had one), and the read mark (null when none is unseen).
     */
    public record Inbox(long received, Date newest, Date unseenFrom) {

        static Inbox of(Document stored) {
            return new Inbox(stored.get(RECEIVED) instanceof Number n ? n.longValue() : 0, stored.getDate(NEWEST),
                    stored.getDate(UNSEEN_FROM));
        }

        /** Whether a message from this sender may be unseen: one is dated at or after the mark. */
        public boolean mayHoldUnseen() {
            return unseenFrom != null && !(newest == null ? UNDATED : newest).before(unseenFrom);
        }
    }

    /**
     * What a stored message changes, in one round trip: both sides' dates (when it has one), and the recipient's
     * inbox entry for the sender (lowering its mark while the message is unseen). Callers hold the pair's lock
     * ({@link #claimUnseen}).
     */
    public void messageStored(ObjectId from, ObjectId to, Date at, boolean unseen) {
        Map<Object, List<Bson>> updates = new LinkedHashMap<>();
        if (at != null) {
            updates.computeIfAbsent(from, u -> new ArrayList<>()).add(Updates.max(PARTNERS + "." + to.toHexString(), at));
            if (!from.equals(to)) {
                updates.computeIfAbsent(to, u -> new ArrayList<>()).add(Updates.max(PARTNERS + "." + from.toHexString(), at));
            }
        }
        String inbox = INBOX + "." + from.toHexString() + ".";
        List<Bson> recipient = updates.computeIfAbsent(to, u -> new ArrayList<>());
        recipient.add(Updates.inc(inbox + RECEIVED, 1L));
        if (at != null) {
            recipient.add(Updates.max(inbox + NEWEST, at));
        }
        if (unseen) {
            recipient.add(Updates.min(inbox + UNSEEN_FROM, at == null ? UNDATED : at));
        }
        Map<Object, Bson> combined = new LinkedHashMap<>();
        updates.forEach((user, list) -> combined.put(user, list.size() == 1 ? list.get(0) : Updates.combine(list)));
        Upserts.byIds(chats, combined);
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

    /** What came in from each sender, by sender; empty when nothing did. */
    public Map<ObjectId, Inbox> inbox(ObjectId user) {
        Document stored = reads.sharedById(chats, user).orElse(null); // only read
        Document inbox = stored == null ? null : stored.get(INBOX, Document.class);
        Map<ObjectId, Inbox> out = new LinkedHashMap<>();
        if (inbox != null) {
            inbox.forEach((sender, entry) -> {
                if (ObjectId.isValid(sender) && entry instanceof Document d) {
                    out.put(new ObjectId(sender), Inbox.of(d));
                }
            });
        }
        return out;
    }

    /** What came in from that sender; null when nothing did. */
    public Inbox inbox(ObjectId user, ObjectId from) {
        return inbox(user).get(from);
    }

    /**
     * Moves the user's mark for that sender to {@code to}, claiming every unseen message dated before it, if nothing
     * came in from the sender since {@code was} was read; returns whether it did. Of concurrent claims from one
     * reading only one succeeds, so each message is counted by one {@code message/seen}.
     *
     * <p>On a database this node alone writes ({@link KeyedReads#soleWriter}) the caller holds the pair's lock, which
     * every message between the two takes too, so the update goes by {@code _id} alone: the one filter the embedded
     * database serves from an index (a condition beside {@code _id} makes it read every chat list). On a shared
     * database the condition goes into the filter, where MongoDB serves it from the {@code _id} index.
     */
    public boolean claimUnseen(ObjectId user, ObjectId from, Inbox was, Date to) {
        String entry = INBOX + "." + from.toHexString() + ".";
        Bson filter = reads.soleWriter() ? Filters.eq("_id", user) : Filters.and(Filters.eq("_id", user),
                Filters.eq(entry + RECEIVED, was.received()), Filters.eq(entry + UNSEEN_FROM, was.unseenFrom()));
        return chats.updateOne(filter, Updates.set(entry + UNSEEN_FROM, to)).getMatchedCount() == 1;
    }
}
