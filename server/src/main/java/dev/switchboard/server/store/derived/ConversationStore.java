package dev.switchboard.server.store.derived;

import static dev.switchboard.server.store.derived.ConversationLayout.COUNT;
import static dev.switchboard.server.store.derived.ConversationLayout.GENERATION;
import static dev.switchboard.server.store.derived.ConversationLayout.MESSAGES;
import static dev.switchboard.server.store.derived.ConversationLayout.SEALED;
import static dev.switchboard.server.store.derived.ConversationLayout.SEALED_TO;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.switchboard.server.store.cache.ChangedCopy;
import dev.switchboard.server.store.cache.KeyedReads;
import dev.switchboard.server.store.cache.OwnWrite;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per pair of users, every message between them ({@code { _id, at }}, {@code at} the message's {@code sent_at}),
 * laid out as {@link ConversationLayout} describes: a new message is pushed to a head of at most a few hundred
 * entries, so its cost does not grow with the conversation, and a page is the head plus at most the buckets it
 * spans, each read by {@code _id}, then the page's messages by {@code _id}.
 */
public final class ConversationStore {

    public static final String COLLECTION = "conversations";
    public static final String AT = ConversationLayout.AT;

    private static final Logger LOG = LoggerFactory.getLogger(ConversationStore.class);

    private final MongoCollection<Document> conversations;
    private final KeyedReads reads;
    private final int bucketSize;
    /**
     * On this node, one writer per conversation at a time: a seal then never races a push of its own node, and
     * {@link #withPair} lets the writers of what a message derives besides its entry (the recipient's read mark)
     * hold the same lock.
     */
    private final KeyedLocks locks = new KeyedLocks(256);

    public ConversationStore(MongoCollection<Document> conversations, KeyedReads reads) {
        this(conversations, reads, ConversationLayout.BUCKET_SIZE);
    }

    /** With buckets of another size: for tests that seal often. */
    public ConversationStore(MongoCollection<Document> conversations, KeyedReads reads, int bucketSize) {
        this.conversations = conversations;
        this.reads = reads;
        this.bucketSize = bucketSize;
    }

    public MongoCollection<Document> collection() {
        return conversations;
    }

    public static String key(ObjectId a, ObjectId b) {
        String x = a.toHexString();
        String y = b.toHexString();
        return x.compareTo(y) <= 0 ? x + ":" + y : y + ":" + x;
    }

    /**
     * Runs {@code write} holding this node's lock of the conversation between the two users, the lock every change to
     * it takes ({@link #add} takes it again: it is reentrant).
     */
    public <T> T withPair(ObjectId a, ObjectId b, Supplier<T> write) {
        return locks.with(key(a, b), write);
    }

    public static Document entry(ObjectId message, Date at) {
        return new Document("_id", message).append(AT, at);
    }

    /**
     * Adds the message's entry to the head (kept in the read cache when it held the head, see {@link OwnWrite}),
     * then seals the head's oldest entries into a bucket once it holds twice a bucket's worth.
     */
    public void add(ObjectId from, ObjectId to, ObjectId message, Date at) {
        String key = key(from, to);
        locks.with(key, () -> {
            Document head = reads.sharedById(conversations, key).orElse(null);
            if (head != null && !ConversationLayout.fitsHead(head, at)) {
                LOG.info("conversation {}: message {} is dated {}, not after its sealed entries (or the conversation is"
                        + " of the single-document layout); laying it out again", key, message, at);
                layOutAgain(key, entry(message, at));
                return null;
            }
            OwnWrite write = reads.beforeWrite(conversations, key);
            Upserts.byId(conversations, key, Updates.combine(Updates.push(MESSAGES, entry(message, at)),
                    Updates.inc(COUNT, 1L)));
            write.cachedBefore().filter(before -> before.get(COUNT) instanceof Number)
                    .map(before -> ChangedCopy.pushed(before, MESSAGES, entry(message, ChangedCopy.date(at))))
                    .map(after -> ChangedCopy.replaced(after, COUNT, ((Number) after.get(COUNT)).longValue() + 1))
                    .ifPresent(write::wrote);
            if (ConversationLayout.entries(head).size() + 1 >= 2 * bucketSize) {
                seal(key);
            }
            return null;
        });
    }

    /**
     * Moves the head's oldest entries to the next bucket: the bucket is inserted first, then the head is changed
     * only if nobody wrote to it meanwhile (same count, same generation). A bucket already there under that index
     * (a seal a crash or another node left half done) is taken as it is; if it does not fit, the conversation is
     * laid out again. A seal that loses to another writer is left for the next message to redo.
     */
    private void seal(String key) {
        Document head = conversations.find(Filters.eq("_id", key)).first();
        List<Document> open = ConversationLayout.entries(head);
        if (head == null || open.size() < 2 * bucketSize) {
            return;
        }
        List<Document> oldestFirst = new ArrayList<>(open);
        oldestFirst.sort(ConversationLayout.OLDEST_FIRST);
        int end = ConversationLayout.cut(oldestFirst, 0, bucketSize);
        if (end < 0) {
            return;
        }
        List<Integer> sizes = ConversationLayout.sizes(head);
        String generation = ConversationLayout.generation(head);
        String bucketId = ConversationLayout.bucketId(key, generation, sizes.size());
        List<Document> bucket = new ArrayList<>(oldestFirst.subList(0, end));
        try {
            conversations.insertOne(new Document("_id", bucketId).append(MESSAGES, bucket));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            bucket = ConversationLayout.entries(conversations.find(Filters.eq("_id", bucketId)).first());
        }
        Set<Object> sealed = new HashSet<>();
        bucket.forEach(e -> sealed.add(e.get("_id")));
        List<Document> rest = new ArrayList<>();
        open.forEach(e -> {
            if (!sealed.contains(e.get("_id"))) {
                rest.add(e);
            }
        });
        Date sealedTo = bucket.isEmpty() ? null : ConversationLayout.at(bucket.get(bucket.size() - 1));
        List<Integer> after = new ArrayList<>(sizes);
        after.add(bucket.size());
        Document candidate = new Document(head); // the fields where $set leaves them
        candidate.put(MESSAGES, rest);
        candidate.put(SEALED, after);
        candidate.put(SEALED_TO, sealedTo);
        if (bucket.isEmpty() || rest.size() + bucket.size() != open.size()
                || !rest.stream().allMatch(e -> ConversationLayout.fitsHead(candidate, ConversationLayout.at(e)))) {
            LOG.warn("conversation {}: bucket {} does not fit its head; laying the conversation out again", key, bucketId);
            layOutAgain(key, null);
            return;
        }
        OwnWrite write = reads.beforeWrite(conversations, key);
        long matched = conversations.updateOne(unchanged(head),
                Updates.combine(Updates.set(MESSAGES, rest), Updates.set(SEALED, after), Updates.set(SEALED_TO, sealedTo)))
                .getMatchedCount();
        if (matched == 1) {
            write.wroteCopyOf(candidate);
        } else {
            dropIfOrphaned(key, generation, bucketId);
        }
    }

    /**
     * After a seal lost to another node: if the conversation was laid out again meanwhile, the bucket belongs to a
     * generation nobody reads any more, and the new layout may have deleted that generation's buckets before this
     * one was inserted, so nobody else would ever delete it. (If only a message came in, the bucket stays for the
     * next seal to take.)
     */
    private void dropIfOrphaned(String key, String generation, String bucketId) {
        Document now = conversations.find(Filters.eq("_id", key)).first();
        if (now != null && !Objects.equals(ConversationLayout.generation(now), generation)) {
            conversations.deleteOne(Filters.eq("_id", bucketId));
        }
    }

    /**
     * Matches the head only as it was read: no message added since, not laid out again since. On a database this
     * node alone writes, every writer of the head holds its lock here, so {@code _id} alone says as much, and is
     * the one filter the embedded database serves from an index (the guard beside it would read every head).
     */
    private Bson unchanged(Document head) {
        if (reads.soleWriter()) {
            return Filters.eq("_id", head.get("_id"));
        }
        return Filters.and(Filters.eq("_id", head.get("_id")), Filters.eq(COUNT, head.get(COUNT)),
                Filters.eq(GENERATION, ConversationLayout.generation(head)));
    }

    /**
     * Lays every entry of the conversation (plus {@code extra}, when not null) out again: after a clock was set
     * back past a sealed bucket, for a head of the earlier single-document layout, or to mend a half-done seal.
     * Rare, and as costly as the conversation is long. The new buckets go under a new generation and the head
     * is swapped only if nobody wrote to it meanwhile, so a reader or another node never sees half of it; else
     * the new buckets are dropped and it starts again from what is stored now.
     */
    private void layOutAgain(String key, Document extra) {
        for (int attempt = 0; attempt < 30; attempt++) {
            if (tryToLayOutAgain(key, extra)) {
                return;
            }
            KeyedLocks.backOff(attempt); // another node keeps writing to it: let a gap open
        }
        throw new IllegalStateException("conversation " + key + " kept changing while it was being laid out again");
    }

    private boolean tryToLayOutAgain(String key, Document extra) {
        Document head = conversations.find(Filters.eq("_id", key)).first();
        String was = ConversationLayout.generation(head);
        List<Integer> sizes = ConversationLayout.sizes(head);
        List<String> oldBuckets = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            oldBuckets.add(ConversationLayout.bucketId(key, was, i));
        }
        Map<Object, Document> buckets = new LinkedHashMap<>();
        if (!oldBuckets.isEmpty()) {
            conversations.find(Filters.in("_id", oldBuckets)).forEach(d -> buckets.put(d.get("_id"), d));
        }
        Map<Object, Document> entries = new LinkedHashMap<>();
        for (String id : oldBuckets) {
            ConversationLayout.entries(buckets.get(id)).forEach(e -> entries.putIfAbsent(e.get("_id"), e));
        }
        ConversationLayout.entries(head).forEach(e -> entries.putIfAbsent(e.get("_id"), e));
        if (extra != null) {
            entries.putIfAbsent(extra.get("_id"), extra);
        }
        List<Document> docs = ConversationLayout.of(key, new ObjectId().toHexString(), new ArrayList<>(entries.values()),
                bucketSize);
        List<Document> newBuckets = docs.subList(1, docs.size());
        if (!newBuckets.isEmpty()) {
            conversations.insertMany(newBuckets);
        }
        if (!swapHead(head, docs.get(0))) {
            deleteBuckets(newBuckets.stream().map(d -> String.valueOf(d.get("_id"))).toList());
            return false;
        }
        oldBuckets.add(ConversationLayout.bucketId(key, was, sizes.size())); // where a half-done seal may have left one
        deleteBuckets(oldBuckets);
        return true;
    }

    private boolean swapHead(Document was, Document head) {
        if (was != null) {
            return conversations.replaceOne(unchanged(was), head).getMatchedCount() == 1;
        }
        try {
            conversations.insertOne(head);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    private void deleteBuckets(List<String> ids) {
        if (!ids.isEmpty()) {
            conversations.deleteMany(Filters.in("_id", ids));
        }
    }

    /** The ids of one page of the conversation, newest first (equal dates in the order stored). */
    public List<ObjectId> page(ObjectId a, ObjectId b, int skip, int limit) {
        String key = key(a, b);
        Document head = reads.sharedById(conversations, key).orElse(null); // only read: its entries go to new lists
        if (head == null || limit <= 0) {
            return List.of();
        }
        List<ObjectId> out = new ArrayList<>();
        int position = take(ConversationLayout.entries(head), skip, limit, out);
        List<Integer> sizes = ConversationLayout.sizes(head);
        List<String> spanned = new ArrayList<>();
        int skipInFirst = 0;
        int wanted = limit - out.size();
        for (int i = sizes.size() - 1; i >= 0 && wanted > 0; i--) {
            if (position >= sizes.get(i)) {
                position -= sizes.get(i);
                continue;
            }
            if (spanned.isEmpty()) {
                skipInFirst = position;
            }
            spanned.add(ConversationLayout.bucketId(key, ConversationLayout.generation(head), i));
            wanted -= sizes.get(i) - position;
            position = 0;
        }
        Map<Object, Document> buckets = spanned.isEmpty() ? Map.of() : reads.sharedByIds(conversations, spanned);
        for (String id : spanned) {
            take(ConversationLayout.entries(buckets.get(id)), skipInFirst, limit - out.size(), out);
            skipInFirst = 0;
        }
        return out;
    }

    /**
     * The entries of a conversation dated at or after {@code from} (an entry without a date counts as {@link
     * ChatListStore#UNDATED}): the head's, then the buckets' from the last one back to the first that starts before
     * {@code from}, each read by {@code _id}. Not {@code complete} when a bucket the head names is gone (the
     * conversation was laid out again meanwhile): read it again then.
     */
    public Walk since(ObjectId a, ObjectId b, Date from) {
        String key = key(a, b);
        Document head = reads.sharedById(conversations, key).orElse(null); // only read
        List<Document> found = new ArrayList<>();
        if (head == null) {
            return new Walk(found, true);
        }
        addSince(ConversationLayout.entries(head), from, found);
        List<Integer> sizes = ConversationLayout.sizes(head);
        boolean older = !sizes.isEmpty() && !dated(head.getDate(SEALED_TO)).before(from);
        for (int i = sizes.size() - 1; i >= 0 && older; i--) {
            Document bucket = reads.sharedById(conversations,
                    ConversationLayout.bucketId(key, ConversationLayout.generation(head), i)).orElse(null);
            List<Document> entries = ConversationLayout.entries(bucket);
            if (entries.isEmpty()) {
                return new Walk(found, false);
            }
            addSince(entries, from, found);
            older = dated(ConversationLayout.at(entries.get(0))).after(from); // the bucket before ends before this one starts
        }
        return new Walk(found, true);
    }

    /** Entries of one conversation ({@code { _id, at }}, read-only), in no particular order. */
    public record Walk(List<Document> entries, boolean complete) {
    }

    private static void addSince(List<Document> entries, Date from, List<Document> out) {
        for (Document e : entries) {
            if (!dated(ConversationLayout.at(e)).before(from)) {
                out.add(e);
            }
        }
    }

    private static Date dated(Date at) {
        return at == null ? ChatListStore.UNDATED : at;
    }

    /** Adds up to {@code limit} ids from {@code entries} sorted newest first, past the first {@code skip}; returns the skip left. */
    private static int take(List<Document> entries, int skip, int limit, List<ObjectId> out) {
        if (skip >= entries.size()) {
            return skip - entries.size();
        }
        List<Document> sorted = new ArrayList<>(entries);
        sorted.sort(ConversationLayout.NEWEST_FIRST);
        for (int i = skip; i < sorted.size() && limit > 0; i++, limit--) {
            out.add(sorted.get(i).getObjectId("_id"));
        }
        return 0;
    }
}
