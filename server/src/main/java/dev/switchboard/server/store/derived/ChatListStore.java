package dev.switchboard.server.store.derived;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.KeyedReads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Per user, everyone they exchanged a message with and when the newest message between them was sent, and a read
 * mark per sender: {@code { _id: <user>, partners: { <other user's hex id>: Date }, unseen_from: { <sender's hex id>:
 * Date }, received }}. A mark says that every message from that sender dated before it is seen, so the unseen ones
 * are found by reading the conversation back to it, never further; a sender with nothing unseen has none.
 * {@code received} counts the messages the user was sent, so that a change can tell whether one came in meanwhile.
 *
 * <p>The document is bounded by the number of partners, whatever the number of messages: a new message raises both
 * sides' dates with {@code $max}, counts itself, and, while unseen, lowers the recipient's mark for its sender to
 * its date with {@code $min}, all in one round trip.
 */
public final class ChatListStore {

    public static final String COLLECTION = "chats";
    public static final String PARTNERS = "partners";
    public static final String UNSEEN_FROM = "unseen_from";
    public static final String RECEIVED = "received";
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

    /** A user's read marks as stored: how many messages they were sent, each partner's date, each sender's mark. */
    public record Inbox(long received, Map<ObjectId, Date> partners, Map<ObjectId, Date> unseenFrom) {

        static final Inbox EMPTY = new Inbox(0, Map.of(), Map.of());

        /**
         * Whether a message from that sender may be unseen: the user has a mark for them, and the newest message
         * between the two (a message without a date leaves none) is not before it.
         */
        public boolean mayHoldUnseen(ObjectId from) {
            Date mark = unseenFrom.get(from);
            Date newest = partners.get(from);
            return mark != null && (newest == null || !newest.before(mark));
        }
    }

    /**
     * What a stored message changes, in one round trip: both sides' dates (when it has one), the recipient's count,
     * and while the message is unseen the recipient's mark for its sender. Callers hold the conversation's lock
     * ({@link ConversationStore#withPair}; see {@link #dropMark}).
     */
    public void messageStored(ObjectId from, ObjectId to, Date at, boolean unseen) {
        Map<Object, List<Bson>> updates = new LinkedHashMap<>();
        if (at != null) {
            updates.computeIfAbsent(from, u -> new ArrayList<>()).add(Updates.max(PARTNERS + "." + to.toHexString(), at));
            if (!from.equals(to)) {
                updates.computeIfAbsent(to, u -> new ArrayList<>()).add(Updates.max(PARTNERS + "." + from.toHexString(), at));
            }
        }
        List<Bson> recipient = updates.computeIfAbsent(to, u -> new ArrayList<>());
        recipient.add(Updates.inc(RECEIVED, 1L));
        if (unseen) {
            recipient.add(Updates.min(UNSEEN_FROM + "." + from.toHexString(), at == null ? UNDATED : at));
        }
        Map<Object, Bson> combined = new LinkedHashMap<>();
        updates.forEach((user, list) -> combined.put(user, list.size() == 1 ? list.get(0) : Updates.combine(list)));
        Upserts.byIds(chats, combined);
    }

    /** The partners, newest conversation first (ties by id). */
    public List<ObjectId> partners(ObjectId user) {
        Document stored = reads.sharedById(chats, user).orElse(null); // only read: its entries go to a new list
        List<Map.Entry<ObjectId, Date>> entries = stored == null ? new ArrayList<>()
                : new ArrayList<>(dates(stored, PARTNERS).entrySet());
        entries.sort(Map.Entry.<ObjectId, Date>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey));
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    /** The user's read marks (empty when nothing was ever sent to them). */
    public Inbox inbox(ObjectId user) {
        Document stored = reads.sharedById(chats, user).orElse(null); // only read
        if (stored == null) {
            return Inbox.EMPTY;
        }
        return new Inbox(stored.get(RECEIVED) instanceof Number n ? n.longValue() : 0, dates(stored, PARTNERS),
                dates(stored, UNSEEN_FROM));
    }

    private static Map<ObjectId, Date> dates(Document stored, String field) {
        Map<ObjectId, Date> out = new LinkedHashMap<>();
        if (stored.get(field) instanceof Document byUser) {
            byUser.forEach((user, at) -> {
                if (ObjectId.isValid(user) && at instanceof Date date) {
                    out.put(new ObjectId(user), date);
                }
            });
        }
        return out;
    }

    /**
     * Drops the user's mark for that sender once every message of theirs behind it is seen, unless a message came in
     * to the user since {@code was} was read (its mark must then stay); returns whether it did.
     *
     * <p>On a database this node alone writes ({@link KeyedReads#soleWriter}) the caller holds the conversation's
     * lock ({@link ConversationStore#withPair}), which every message between the two takes too, so the update goes by
     * {@code _id} alone: the one filter the embedded database serves from an index (a condition beside {@code _id}
     * makes it read every chat list). On a shared database the condition goes into the filter, where MongoDB serves
     * it from the {@code _id} index.
     */
    public boolean dropMark(ObjectId user, ObjectId from, Inbox was) {
        String mark = UNSEEN_FROM + "." + from.toHexString();
        Bson filter = reads.soleWriter() ? Filters.eq("_id", user) : Filters.and(Filters.eq("_id", user),
                Filters.eq(RECEIVED, was.received()), Filters.eq(mark, was.unseenFrom().get(from)));
        return chats.updateOne(filter, Updates.unset(mark)).getMatchedCount() == 1;
    }
}
