package dev.switchboard.server.store.derived;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every derived document, worked out from the source collections in one pass over each: what the seeder
 * writes after a fixture, what the startup repair writes where a crash left a derived document behind its
 * source, and what the checker compares the stored derived documents with. The invariants are those of
 * docs/protocol.md, "Derived documents"; a missing derived document means the same as an empty one.
 */
public final class DerivedDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(DerivedDocuments.class);

    /** The derived collections, each keyed by {@code _id} only. */
    public static final List<String> COLLECTIONS = List.of(InverseListStore.FOLLOWERS, InverseListStore.BLOCKERS,
            NewestListStore.TIMELINES, NewestListStore.LIVE_STORIES, ChatListStore.COLLECTION,
            ConversationStore.COLLECTION);

    /** Derived collections of earlier versions, dropped once their content lives elsewhere. */
    static final String RETIRED_UNREAD = "unread";

    /** The list of unread message ids chat lists held before the read marks of {@code unseen_from}; rewritten away. */
    static final String LEGACY_UNREAD = "unread";

    // the source fields read; the names are the stored ones of docs/protocol.md
    private static final String FOLLOWING = "following";
    private static final String BLOCK = "block";
    private static final String ID = "id";
    private static final String ADDED_AT = "added_at";
    private static final String BLOCKED_AT = "blocked_at";
    private static final String OWNER = "owner";
    private static final String REMOVED = "removed";
    private static final String SENT_AT = "sent_at";
    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String SEEN_AT = "seen_at";

    /** The expected derived documents, by collection, then by {@code _id}; empty ones left out. */
    private final Map<String, Map<Object, Document>> expected;

    private DerivedDocuments(Map<String, Map<Object, Document>> expected) {
        this.expected = expected;
    }

    /** Reads the sources of {@code db} once and works out every derived document. */
    public static DerivedDocuments of(MongoDatabase db) {
        Map<String, Map<Object, Document>> out = new LinkedHashMap<>();
        COLLECTIONS.forEach(c -> out.put(c, new LinkedHashMap<>()));
        deriveUsers(db, out);
        deriveNewest(db.getCollection("tweets"), SENT_AT, out.get(NewestListStore.TIMELINES));
        deriveNewest(db.getCollection("stories"), ADDED_AT, out.get(NewestListStore.LIVE_STORIES));
        deriveMessages(db, out);
        return new DerivedDocuments(out);
    }

    private static void deriveUsers(MongoDatabase db, Map<String, Map<Object, Document>> out) {
        Map<Object, Document> followers = out.get(InverseListStore.FOLLOWERS);
        Map<Object, Document> blockers = out.get(InverseListStore.BLOCKERS);
        for (Document user : db.getCollection("users").find().projection(Projections.include(FOLLOWING, BLOCK))) {
            Object id = user.get("_id");
            invert(user, FOLLOWING, ADDED_AT, id, followers);
            invert(user, BLOCK, BLOCKED_AT, id, blockers);
        }
    }

    private static void invert(Document user, String array, String atField, Object userId, Map<Object, Document> into) {
        List<Document> entries = user.getList(array, Document.class);
        if (entries == null) {
            return;
        }
        for (Document e : entries) {
            Object target = e.get(ID);
            into.computeIfAbsent(target, t -> new Document("_id", t).append(InverseListStore.ENTRIES, new ArrayList<>()))
                    .getList(InverseListStore.ENTRIES, Document.class)
                    .add(new Document(ID, userId).append(atField, e.get(atField)));
        }
    }

    private static void deriveNewest(MongoCollection<Document> source, String dateField, Map<Object, Document> into) {
        Map<Object, List<Document>> byOwner = new LinkedHashMap<>();
        for (Document d : source.find().projection(Projections.include(OWNER, dateField, REMOVED))) {
            if (!Boolean.TRUE.equals(d.get(REMOVED)) && d.get(OWNER) != null) {
                byOwner.computeIfAbsent(d.get(OWNER), o -> new ArrayList<>())
                        .add(NewestListStore.item(d.getObjectId("_id"), d.getDate(dateField)));
            }
        }
        byOwner.forEach((owner, items) -> {
            items.sort(NewestListStore.NEWEST_FIRST);
            into.put(owner, new Document("_id", owner).append(NewestListStore.COUNT, (long) items.size())
                    .append(NewestListStore.ITEMS, new ArrayList<>(items.subList(0, Math.min(items.size(),
                            NewestListStore.CAP)))));
        });
    }

    private static void deriveMessages(MongoDatabase db, Map<String, Map<Object, Document>> out) {
        Map<Object, Document> chats = out.get(ChatListStore.COLLECTION);
        Map<String, List<Document>> conversations = new LinkedHashMap<>();
        for (Document m : db.getCollection("messages").find().projection(Projections.include(FROM, TO, SENT_AT, SEEN_AT))) {
            if (!(m.get(FROM) instanceof ObjectId from) || !(m.get(TO) instanceof ObjectId to)) {
                continue;
            }
            ObjectId id = m.getObjectId("_id");
            Date sentAt = m.getDate(SENT_AT);
            conversations.computeIfAbsent(ConversationStore.key(from, to), k -> new ArrayList<>())
                    .add(ConversationStore.entry(id, sentAt));
            if (sentAt != null) {
                raise(chats, from, to, sentAt);
                raise(chats, to, from, sentAt);
            }
            received(chatsOf(chats, to), from, sentAt, m.get(SEEN_AT) == null);
        }
        Map<Object, Document> laidOut = out.get(ConversationStore.COLLECTION);
        conversations.forEach((key, entries) -> ConversationLayout.of(key, null, entries, ConversationLayout.BUCKET_SIZE)
                .forEach(d -> laidOut.put(d.get("_id"), d)));
    }

    private static Document chatsOf(Map<Object, Document> chats, ObjectId user) {
        return chats.computeIfAbsent(user, u -> new Document("_id", u).append(ChatListStore.PARTNERS, new Document()));
    }

    /** Counts a message to the recipient; while unseen, her mark for its sender is the oldest unseen one's date. */
    private static void received(Document chats, ObjectId from, Date at, boolean unseen) {
        chats.put(ChatListStore.RECEIVED, chats.get(ChatListStore.RECEIVED) instanceof Long n ? n + 1 : 1L);
        if (!unseen) {
            return;
        }
        Document marks = (Document) chats.computeIfAbsent(ChatListStore.UNSEEN_FROM, f -> new Document());
        Date dated = at == null ? ChatListStore.UNDATED : at;
        Date mark = marks.getDate(from.toHexString());
        if (mark == null || mark.after(dated)) {
            marks.put(from.toHexString(), dated);
        }
    }

    private static void raise(Map<Object, Document> chats, ObjectId user, ObjectId partner, Date at) {
        Document partners = chatsOf(chats, user).get(ChatListStore.PARTNERS, Document.class);
        Date was = partners.getDate(partner.toHexString());
        if (was == null || was.before(at)) {
            partners.put(partner.toHexString(), at);
        }
    }

    /**
     * Compares every stored derived document with what the sources say; one line per disagreement (per document,
     * or per conversation for the documents a conversation is spread over), empty when every invariant holds.
     */
    public List<String> check(MongoDatabase db) {
        List<String> problems = new ArrayList<>();
        forEachDifference(db, (collection, group, stored, wanted, why) -> problems.add(collection + " " + describe(group)
                + ": " + (why.isEmpty() ? "" : why + "; ") + "stored " + brief(stored) + ", the sources say " + brief(wanted)));
        return problems;
    }

    /**
     * Writes every derived document that disagrees with its sources (bulk, unordered), and deletes those the sources
     * no longer call for; returns how many were written or deleted per collection (collections with none left out).
     */
    public Map<String, Integer> repair(MongoDatabase db) {
        Map<String, List<WriteModel<Document>>> writes = new LinkedHashMap<>();
        forEachDifference(db, (collection, group, stored, wanted, why) -> {
            List<WriteModel<Document>> models = writes.computeIfAbsent(collection, c -> new ArrayList<>());
            Set<Object> kept = new HashSet<>();
            for (Document d : wanted) {
                kept.add(d.get("_id"));
                models.add(new ReplaceOneModel<>(new Document("_id", d.get("_id")), d, new ReplaceOptions().upsert(true)));
            }
            for (Document d : stored) {
                if (!kept.contains(d.get("_id"))) {
                    models.add(new DeleteOneModel<>(new Document("_id", d.get("_id"))));
                }
            }
        });
        Map<String, Integer> counts = new LinkedHashMap<>();
        writes.forEach((collection, models) -> {
            for (int from = 0; from < models.size(); from += 1000) {
                db.getCollection(collection).bulkWrite(models.subList(from, Math.min(models.size(), from + 1000)),
                        new BulkWriteOptions().ordered(false));
            }
            counts.put(collection, models.size());
        });
        return counts;
    }

    private interface Difference {
        /** The stored documents of {@code group} (a document's id, or a conversation's) disagree with the wanted ones. */
        void found(String collection, Object group, List<Document> stored, List<Document> wanted, String why);
    }

    private void forEachDifference(MongoDatabase db, Difference difference) {
        for (String collection : COLLECTIONS) {
            Map<Object, List<Document>> wanted = grouped(collection, expected.get(collection).values());
            Map<Object, List<Document>> stored = grouped(collection, db.getCollection(collection).find());
            Set<Object> groups = new LinkedHashSet<>(stored.keySet());
            groups.addAll(wanted.keySet());
            for (Object group : groups) {
                List<Document> have = stored.getOrDefault(group, List.of());
                List<Document> want = wanted.getOrDefault(group, List.of());
                StringBuilder why = new StringBuilder();
                if (!agrees(collection, group, have, want, why)) {
                    difference.found(collection, group, have, want, why.toString());
                }
            }
        }
    }

    private static Map<Object, List<Document>> grouped(String collection, Iterable<Document> docs) {
        Map<Object, List<Document>> out = new LinkedHashMap<>();
        for (Document d : docs) {
            Object id = d.get("_id");
            Object group = collection.equals(ConversationStore.COLLECTION) ? ConversationLayout.conversationOf(id) : id;
            out.computeIfAbsent(group, g -> new ArrayList<>()).add(d);
        }
        return out;
    }

    /**
     * Whether the stored documents of a group (none: missing) satisfy the invariant given the expected ones (none:
     * empty); a reason, when there is more to say than the documents show, goes to {@code why}.
     */
    static boolean agrees(String collection, Object group, List<Document> stored, List<Document> wanted, StringBuilder why) {
        if (collection.equals(ConversationStore.COLLECTION)) {
            String key = String.valueOf(group);
            List<Document> have = ConversationLayout.entriesIfValid(key, stored, ConversationLayout.BUCKET_SIZE, why);
            List<Document> want = ConversationLayout.entriesIfValid(key, wanted, ConversationLayout.BUCKET_SIZE,
                    new StringBuilder());
            return have != null && sortedById(have).equals(sortedById(want));
        }
        return agrees(collection, stored.isEmpty() ? null : stored.get(0), wanted.isEmpty() ? null : wanted.get(0));
    }

    /** Whether a stored derived document (null: missing) satisfies the invariant given the expected one (null: empty). */
    static boolean agrees(String collection, Document stored, Document wanted) {
        switch (collection) {
            case InverseListStore.FOLLOWERS, InverseListStore.BLOCKERS -> {
                return entrySet(stored, InverseListStore.ENTRIES).equals(entrySet(wanted, InverseListStore.ENTRIES));
            }
            case NewestListStore.TIMELINES, NewestListStore.LIVE_STORIES -> {
                NewestListStore.NewestList have = NewestListStore.NewestList.of(null, stored);
                NewestListStore.NewestList want = NewestListStore.NewestList.of(null, wanted);
                // removals may leave a stored list shorter than the cap allows: then it must be the expected prefix
                return have.count() == want.count() && have.items().size() <= want.items().size()
                        && have.items().equals(want.items().subList(0, have.items().size()))
                        && (have.items().size() >= Math.min(want.count(), 1));
            }
            case ChatListStore.COLLECTION -> {
                return Objects.equals(field(stored, ChatListStore.PARTNERS), field(wanted, ChatListStore.PARTNERS))
                        && (stored == null || !stored.containsKey(LEGACY_UNREAD))
                        && Objects.equals(stored == null ? null : stored.get(ChatListStore.RECEIVED),
                                wanted == null ? null : wanted.get(ChatListStore.RECEIVED))
                        && marksAgree(field(stored, ChatListStore.UNSEEN_FROM), field(wanted, ChatListStore.UNSEEN_FROM));
            }
            default -> throw new IllegalArgumentException("not a derived collection: " + collection);
        }
    }

    /**
     * A mark for every sender with a message still unseen, at or before the oldest one's date (a mark may be earlier:
     * a message dated later may have been stored first); a mark for a sender with nothing unseen does no harm.
     */
    private static boolean marksAgree(Object stored, Object wanted) {
        Document have = stored instanceof Document d ? d : new Document();
        Document want = wanted instanceof Document d ? d : new Document();
        for (String sender : want.keySet()) {
            if (!(have.get(sender) instanceof Date mark) || mark.after(want.getDate(sender))) {
                return false;
            }
        }
        return true;
    }

    private static Object field(Document d, String field) {
        Object v = d == null ? null : d.get(field);
        return v instanceof Document doc && doc.isEmpty() ? null : v;
    }

    private static List<?> list(Document d, String field) {
        List<?> l = d == null ? null : d.get(field, List.class);
        return l == null ? List.of() : l;
    }

    private static Set<Document> entrySet(Document d, String field) {
        Set<Document> out = new HashSet<>();
        for (Object o : list(d, field)) {
            out.add((Document) o);
        }
        return out.size() == list(d, field).size() ? out : null;
    }

    private static List<Document> sortedById(List<Document> entries) {
        List<Document> out = new ArrayList<>(entries);
        out.sort(Comparator.comparing((Document e) -> e.getObjectId("_id")));
        return out;
    }

    private static String describe(Object id) {
        return id instanceof ObjectId o ? o.toHexString() : String.valueOf(id);
    }

    private static String brief(List<Document> docs) {
        if (docs.isEmpty()) {
            return "nothing";
        }
        String json = docs.get(0).toJson();
        String more = docs.size() > 1 ? " and " + (docs.size() - 1) + " more documents" : "";
        return (json.length() > 300 ? json.substring(0, 300) + "…" : json) + more;
    }

    /**
     * At startup: on a database this node alone opened (the embedded one), rewrites every derived document that
     * disagrees with its sources, which completes the writes a crash cut between a source and its derived
     * documents. On a shared database other nodes may be writing, so it only builds the derived documents when
     * there are none yet (the first start after an upgrade). Returns what it wrote per collection.
     */
    public static Map<String, Integer> repairAtStartup(MongoDatabase db, boolean exclusive) {
        boolean retiredLeft = db.getCollection(RETIRED_UNREAD).find().limit(1).first() != null;
        // a chat list of the layout before read marks; scanning for one costs a read of every chat list, once
        boolean legacyLeft = db.getCollection(ChatListStore.COLLECTION)
                .find(new Document(LEGACY_UNREAD, new Document("$exists", true))).limit(1).first() != null;
        if (!exclusive && !retiredLeft && !legacyLeft) {
            boolean none = COLLECTIONS.stream().allMatch(c -> db.getCollection(c).find().limit(1).first() == null);
            if (!none) {
                return Map.of();
            }
        }
        Map<String, Integer> repaired = of(db).repair(db);
        if (!repaired.isEmpty()) {
            LOG.warn("derived documents rewritten from their sources at startup: {}", repaired);
        }
        if (retiredLeft) {
            // the unread lists now live in the chats documents, just rewritten from the messages
            db.getCollection(RETIRED_UNREAD).drop();
            LOG.warn("the retired derived collection {} was dropped: unread lists are now kept in {}", RETIRED_UNREAD,
                    ChatListStore.COLLECTION);
        }
        return repaired;
    }

    /** How many derived documents the sources call for, per collection. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        expected.forEach((c, docs) -> counts.put(c, docs.size()));
        return counts;
    }

}
