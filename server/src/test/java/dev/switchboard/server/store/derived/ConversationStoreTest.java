package dev.switchboard.server.store.derived;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.db.EmbeddedMongo;
import dev.switchboard.server.store.cache.KeyedReads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A conversation spread over a head and sealed buckets (buckets of 5 here, so that a few dozen messages seal many
 * times) lists exactly what one sorted list of its messages would, whatever the order and dates of the writes, and
 * mends what a crash or a clock set back leaves.
 */
class ConversationStoreTest {

    static final int SIZE = 5;

    static EmbeddedMongo mongo;
    static Database database;
    static MongoCollection<Document> collection;

    ConversationStore store;
    ObjectId a;
    ObjectId b;
    String key;
    /** Every entry added, in the order added: what a sorted read of the messages would list. */
    List<Document> added;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.start(null, "127.0.0.1", 0);
        database = Database.connect(mongo.uri() + "/conversationtest");
        collection = database.mongo().getCollection(ConversationStore.COLLECTION);
    }

    @AfterAll
    static void stop() {
        database.close();
        mongo.close();
    }

    @BeforeEach
    void pair() {
        store = new ConversationStore(collection, KeyedReads.direct(), SIZE);
        a = new ObjectId();
        b = new ObjectId();
        key = ConversationStore.key(a, b);
        added = new CopyOnWriteArrayList<>();
    }

    void add(ConversationStore into, long millis) {
        ObjectId id = new ObjectId();
        Date at = new Date(millis);
        added.add(ConversationStore.entry(id, at));
        if (added.size() % 2 == 0) {
            into.add(a, b, id, at);
        } else {
            into.add(b, a, id, at);
        }
    }

    /** The ids newest first, ties in the order added: the order the contract gives. */
    List<ObjectId> expected() {
        List<Document> sorted = new ArrayList<>(added);
        sorted.sort(ConversationLayout.NEWEST_FIRST);
        return sorted.stream().map(e -> e.getObjectId("_id")).toList();
    }

    List<Document> documents() {
        return collection.find(Filters.regex("_id", "^" + key)).into(new ArrayList<>());
    }

    void assertListsLikeOneSortedList() {
        List<ObjectId> expected = expected();
        for (int pageSize : new int[] {1, 3, SIZE, 7, 25}) {
            List<ObjectId> paged = new ArrayList<>();
            for (int skip = 0; skip < expected.size() + pageSize; skip += pageSize) {
                List<ObjectId> page = store.page(a, b, skip, pageSize);
                assertThat(page.size()).as("page at %d of %d", skip, pageSize).isLessThanOrEqualTo(pageSize);
                paged.addAll(page);
            }
            assertThat(paged).as("pages of %d", pageSize).isEqualTo(expected);
        }
        StringBuilder why = new StringBuilder();
        List<Document> entries = ConversationLayout.entriesIfValid(key, documents(), SIZE, why);
        assertThat(entries).as("layout: %s", why).isNotNull();
        assertThat(entries).containsExactlyInAnyOrderElementsOf(added);
    }

    /**
     * {@code writers} threads, half on {@link #store} and half on a second store over the same collection (a second
     * node), each making {@code messages} calls of {@code write} with its store and the call's number from 1.
     */
    void onTwoNodes(int writers, int messages, BiConsumer<ConversationStore, Integer> write) throws Exception {
        ConversationStore otherNode = new ConversationStore(collection, KeyedReads.direct(), SIZE);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                ConversationStore node = t % 2 == 0 ? store : otherNode;
                done.add(pool.submit(() -> {
                    for (int i = 1; i <= messages; i++) {
                        write.accept(node, i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    Document head() {
        return collection.find(Filters.eq("_id", key)).first();
    }

    @Test
    void messagesWithSharedDatesSealIntoBucketsThatNeverSplitADate() {
        for (int i = 0; i < 60; i++) {
            add(store, 1_000 + i / 3); // three messages a millisecond
        }
        assertListsLikeOneSortedList();
        assertThat(ConversationLayout.sizes(head())).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(size -> assertThat(size % 3).as("a date split between buckets").isZero());
        assertThat(ConversationLayout.entries(head())).hasSizeLessThan(2 * SIZE);
        assertThat(store.page(a, b, 60, 10)).isEmpty();
        assertThat(store.page(new ObjectId(), b, 0, 10)).isEmpty();
    }

    @Test
    void aMessageDatedBeforeTheSealedOnesIsListedInItsPlace() {
        for (int i = 0; i < 30; i++) {
            add(store, 10_000 + 10L * i);
        }
        add(store, 10_005); // the clock set back past three buckets
        add(store, 10_000); // the same date as the oldest message: listed after it, as stored after it
        add(store, 1); // the oldest of all
        add(store, 20_000);
        assertListsLikeOneSortedList();
        assertThat(expected().get(expected().size() - 1)).isEqualTo(added.get(32).getObjectId("_id"));
    }

    @Test
    void aSealCutShortByACrashIsCompletedByTheNextMessage() {
        for (int i = 0; i < 2 * SIZE - 1; i++) {
            add(store, 5_000 + i);
        }
        // as if the server died between inserting bucket 0 and changing the head
        List<Document> oldest = new ArrayList<>(ConversationLayout.entries(head()));
        oldest.sort(ConversationLayout.OLDEST_FIRST);
        collection.insertOne(new Document("_id", ConversationLayout.bucketId(key, null, 0))
                .append(ConversationLayout.MESSAGES, oldest.subList(0, SIZE)));
        assertThat(ConversationLayout.entriesIfValid(key, documents(), SIZE, new StringBuilder())).isNull();

        add(store, 6_000);
        assertListsLikeOneSortedList();
        assertThat(ConversationLayout.sizes(head())).containsExactly(SIZE);
    }

    @Test
    void aStrayBucketThatDoesNotFitIsReplacedByLayingTheConversationOutAgain() {
        for (int i = 0; i < 2 * SIZE - 1; i++) {
            add(store, 5_000 + i);
        }
        collection.insertOne(new Document("_id", ConversationLayout.bucketId(key, null, 0)).append(ConversationLayout.MESSAGES,
                List.of(ConversationStore.entry(new ObjectId(), new Date(4_000)))));
        add(store, 6_000);
        assertListsLikeOneSortedList();
    }

    @Test
    void aConversationOfTheEarlierSingleDocumentLayoutIsReadAsItIsAndLaidOutAtItsNextMessage() {
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Document e = ConversationStore.entry(new ObjectId(), new Date(100_000 - 7L * (i % 11)));
            entries.add(e);
            added.add(e);
        }
        collection.insertOne(new Document("_id", key).append(ConversationLayout.MESSAGES, entries));
        assertThat(store.page(a, b, 0, 100)).isEqualTo(expected());

        add(store, 200_000);
        assertListsLikeOneSortedList();
        assertThat(ConversationLayout.entries(head())).hasSizeLessThan(2 * SIZE);
    }

    @Test
    void twoNodesLayingOneConversationOutAgainWhileOthersWriteLoseNothing() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000);
        AtomicLong past = new AtomicLong(1_000);
        onTwoNodes(10, 20, (node, i) ->
                // every seventh message from a clock set back: dated before everything sealed, so laid out again
                add(node, i % 7 == 0 ? past.incrementAndGet() : clock.incrementAndGet()));
        assertThat(added).hasSize(200);
        assertListsLikeOneSortedList(); // every date distinct, so the order is the dates' alone
        assertThat(head().get(ConversationLayout.GENERATION)).as("laid out again at least once").isNotNull();
    }

    @Test
    void twentyWritersOnTwoNodesLoseNothingAndLeaveAValidLayout() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000);
        // four messages a millisecond, in the order dated
        onTwoNodes(20, 15, (node, i) -> add(node, clock.incrementAndGet() / 4));
        add(store, clock.incrementAndGet());
        StringBuilder why = new StringBuilder();
        List<Document> listed = ConversationLayout.entriesIfValid(key, documents(), SIZE, why);
        assertThat(listed).as("layout: %s", why).isNotNull().hasSize(301).doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(added);
        // concurrent writers store equal dates in the order their writes land, not in the order this test added them
        List<ObjectId> paged = new ArrayList<>();
        for (int skip = 0; skip < 301; skip += 25) {
            paged.addAll(store.page(a, b, skip, 25));
        }
        List<Date> dates = new ArrayList<>();
        for (ObjectId id : paged) {
            dates.add(added.stream().filter(e -> e.get("_id").equals(id)).findFirst().orElseThrow().getDate("at"));
        }
        List<Date> newestFirst = new ArrayList<>(dates);
        newestFirst.sort(Collections.reverseOrder());
        assertThat(paged).doesNotHaveDuplicates().hasSize(301);
        assertThat(dates).isEqualTo(newestFirst);
    }
}
