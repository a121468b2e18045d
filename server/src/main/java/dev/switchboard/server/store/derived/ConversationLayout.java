package dev.switchboard.server.store.derived;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;

/**
 * How one conversation's entries ({@code { _id, at }}, one per message) are spread over its documents, so that no
 * write has to rewrite the whole conversation: a head {@code { _id: "<a>:<b>", count, sealed: [size], sealed_to,
 * messages }} holding the newest entries in the order stored, and sealed buckets {@code { _id: "<a>:<b>:<i>",
 * messages }} holding the older ones, oldest first, bucket 0 the oldest. Every sealed entry sorts before every entry
 * of the next bucket and of the head (its {@code at} is strictly earlier; no date is split between two documents),
 * so a page newest first is the head's entries sorted, then the buckets' from the last one back, without ever
 * reading more than the page's documents.
 *
 * <p>A head grows to {@code 2 × size} entries; then its oldest {@code size} (more when the next ones share the
 * last one's date) are sealed into a new bucket. Pure functions only: the store does the writes.
 */
public final class ConversationLayout {

    public static final String COUNT = "count";
    public static final String SEALED = "sealed";
    public static final String SEALED_TO = "sealed_to";
    public static final String MESSAGES = "messages";
    public static final String AT = "at";
    /** Set when the conversation was laid out again: its buckets are then {@code "<a>:<b>:<generation>:<i>"}. */
    public static final String GENERATION = "generation";

    /** The entries a bucket takes when it is sealed; the head then keeps the newer ones. */
    public static final int BUCKET_SIZE = 100;

    /** Oldest first; a missing date counts as the oldest; equal dates keep their order (the sort is stable). */
    static final Comparator<Document> OLDEST_FIRST = Comparator.comparing(ConversationLayout::at,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Newest first; equal dates keep their order, so ties are listed in the order stored. */
    static final Comparator<Document> NEWEST_FIRST = Comparator.comparing(ConversationLayout::at,
            Comparator.nullsLast(Comparator.reverseOrder()));

    private ConversationLayout() {
    }

    static Date at(Document entry) {
        return entry.getDate(AT);
    }

    public static String bucketId(String key, String generation, int index) {
        return generation == null ? key + ":" + index : key + ":" + generation + ":" + index;
    }

    static String generation(Document head) {
        return head == null ? null : head.getString(GENERATION);
    }

    /** The conversation a document of the collection belongs to: its own {@code _id} for a head, less the index for a bucket. */
    public static String conversationOf(Object id) {
        String s = String.valueOf(id);
        int second = s.indexOf(':', s.indexOf(':') + 1);
        return second < 0 ? s : s.substring(0, second);
    }

    /**
     * Where to end a bucket taken from the front of {@code oldestFirst}: after at least {@code size} entries and
     * never between two with the same date; -1 when that would leave nothing after it.
     */
    static int cut(List<Document> oldestFirst, int from, int size) {
        int end = from + size;
        while (end < oldestFirst.size() && Objects.equals(at(oldestFirst.get(end - 1)), at(oldestFirst.get(end)))) {
            end++;
        }
        return end < oldestFirst.size() ? end : -1;
    }

    /**
     * The documents of a conversation whose entries are {@code stored} (in the order stored), as a writer that
     * sealed whenever the head reached {@code 2 × size} would have left them: the head first, then the buckets.
     */
    public static List<Document> of(String key, String generation, List<Document> stored, int size) {
        List<Document> oldestFirst = new ArrayList<>(stored);
        oldestFirst.sort(OLDEST_FIRST);
        List<Document> buckets = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Set<Object> sealed = new HashSet<>();
        int from = 0;
        while (oldestFirst.size() - from >= 2 * size) {
            int end = cut(oldestFirst, from, size);
            if (end < 0) {
                break;
            }
            List<Document> bucket = new ArrayList<>(oldestFirst.subList(from, end));
            bucket.forEach(e -> sealed.add(e.get("_id")));
            buckets.add(new Document("_id", bucketId(key, generation, buckets.size())).append(MESSAGES, bucket));
            sizes.add(bucket.size());
            from = end;
        }
        List<Document> open = new ArrayList<>();
        for (Document e : stored) {
            if (!sealed.contains(e.get("_id"))) {
                open.add(e);
            }
        }
        List<Document> docs = new ArrayList<>();
        docs.add(head(key, generation, stored.size(), sizes, from == 0 ? null : at(oldestFirst.get(from - 1)), open));
        docs.addAll(buckets);
        return docs;
    }

    static Document head(String key, String generation, long count, List<Integer> sizes, Date sealedTo,
                         List<Document> open) {
        Document head = new Document("_id", key);
        if (generation != null) {
            head.append(GENERATION, generation);
        }
        head.append(COUNT, count).append(SEALED, sizes);
        if (!sizes.isEmpty()) {
            head.append(SEALED_TO, sealedTo);
        }
        return head.append(MESSAGES, open);
    }

    static List<Document> entries(Document doc) {
        List<Document> entries = doc == null ? null : doc.getList(MESSAGES, Document.class);
        return entries == null ? List.of() : entries;
    }

    static List<Integer> sizes(Document head) {
        List<Integer> sizes = head == null ? null : head.getList(SEALED, Integer.class);
        return sizes == null ? List.of() : sizes;
    }

    /**
     * Whether an entry dated {@code at} can go to the head of {@code head} as it is: not when something is sealed
     * at or after that date (a clock set back), nor when the head is of the earlier layout (no count: every entry
     * in one document); the conversation is laid out again then.
     */
    static boolean fitsHead(Document head, Date at) {
        if (!head.containsKey(COUNT)) {
            return false;
        }
        if (sizes(head).isEmpty()) {
            return true;
        }
        return later(head.getDate(SEALED_TO), at);
    }

    /**
     * Every entry of a conversation, in the order stored, read from its documents ({@code head} first, then
     * buckets in any order); null when they break a rule of the layout (the reason goes to {@code problem}).
     */
    static List<Document> entriesIfValid(String key, List<Document> docs, int size, StringBuilder problem) {
        Document head = null;
        java.util.Map<String, Document> buckets = new java.util.HashMap<>();
        for (Document d : docs) {
            if (key.equals(d.get("_id"))) {
                head = d;
            } else {
                buckets.put(String.valueOf(d.get("_id")), d);
            }
        }
        if (head == null) {
            return fail(problem, buckets.isEmpty() ? null : "buckets without a head");
        }
        List<Integer> sizes = sizes(head);
        List<Document> all = new ArrayList<>();
        Date previous = null;
        for (int i = 0; i < sizes.size(); i++) {
            Document bucket = buckets.remove(bucketId(key, generation(head), i));
            List<Document> entries = entries(bucket);
            if (bucket == null || entries.isEmpty() || entries.size() != sizes.get(i)) {
                return fail(problem, "bucket " + i + " is missing or not of the size the head gives");
            }
            for (int j = 1; j < entries.size(); j++) {
                if (OLDEST_FIRST.compare(entries.get(j - 1), entries.get(j)) > 0) {
                    return fail(problem, "bucket " + i + " is not oldest first");
                }
            }
            if (i > 0 && !later(previous, at(entries.get(0)))) {
                return fail(problem, "bucket " + i + " starts on or before the date bucket " + (i - 1) + " ends on");
            }
            previous = at(entries.get(entries.size() - 1));
            all.addAll(entries);
        }
        if (!buckets.isEmpty()) {
            return fail(problem, "buckets the head does not count: " + buckets.keySet());
        }
        if (!sizes.isEmpty() && !Objects.equals(head.getDate(SEALED_TO), previous)) {
            return fail(problem, "sealed_to is not the date the last bucket ends on");
        }
        List<Document> open = entries(head);
        for (Document e : open) {
            if (!sizes.isEmpty() && !later(previous, at(e))) {
                return fail(problem, "an entry of the head is not newer than every sealed one");
            }
        }
        if (open.size() >= 2 * size) {
            return fail(problem, "the head holds " + open.size() + " entries, more than a seal leaves");
        }
        all.addAll(open);
        if (head.get(COUNT) instanceof Number n ? n.longValue() != all.size() : !all.isEmpty()) {
            return fail(problem, "count is not the number of entries");
        }
        return all;
    }

    /** Whether {@code b} sorts strictly after {@code a}, a missing date being the earliest. */
    private static boolean later(Date a, Date b) {
        return b != null && (a == null || b.after(a));
    }

    private static List<Document> fail(StringBuilder problem, String why) {
        if (why == null) {
            return List.of();
        }
        problem.append(why);
        return null;
    }
}
