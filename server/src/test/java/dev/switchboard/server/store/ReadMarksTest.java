package dev.switchboard.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.switchboard.server.harness.TestMongo;
import dev.switchboard.server.store.derived.ChatListStore;
import dev.switchboard.server.store.derived.DerivedDocuments;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The unread messages are found through the recipient's read mark per sender ({@code chats.unseen_from}), reading a
 * conversation back to the mark only: whatever the dates and however many messages are unseen, the unread ones
 * are exactly the messages with {@code seen_at: null}, and each {@code message/seen} counts each message once.
 * These stores read the database directly, as on a shared MongoDB, so two of them are two nodes.
 */
class ReadMarksTest {

    @RegisterExtension
    static final TestMongo mongo = new TestMongo();

    static MongoDatabase db;
    static Stores stores;

    @BeforeAll
    static void start() {
        db = mongo.freshDatabase().mongo();
        stores = Stores.on(db);
    }

    static List<String> texts(List<Document> messages) {
        return messages.stream().map(m -> m.get("context", Document.class).getString("text")).toList();
    }

    @Test
    void aLongUnreadRunAcrossBucketsIsListedInDateOrderAndSeenAtOnce() {
        ObjectId me = new ObjectId();
        ObjectId them = new ObjectId();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            boolean mine = i % 3 == 2;
            stores.messages().add(mine ? me : them, mine ? them : me, "m" + i, null, null, new Date(1_000L * i));
            if (!mine) {
                expected.add("m" + i);
            }
        }
        assertThat(texts(stores.messages().unreadTo(me))).isEqualTo(expected);
        assertThat(stores.messages().unreadTo(them)).hasSize(150);

        assertThat(stores.messages().markSeen(them, me, new Date())).isEqualTo(300);

        assertThat(stores.messages().unreadTo(me)).isEmpty();
        assertThat(stores.messages().unreadTo(them)).hasSize(150);
        ChatListStore.Inbox inbox = stores.messages().chats().inbox(me);
        assertThat(inbox.received()).isEqualTo(300);
        assertThat(inbox.unseenFrom()).as("no mark left once everything from them is seen").doesNotContainKey(them);
        assertThat(inbox.mayHoldUnseen(them)).isFalse();
        assertThat(DerivedDocuments.of(db).check(db)).isEmpty();
    }

    @Test
    void aMessageDatedBeforeTheMarkIsStillUnreadAndSeenNextTime() {
        ObjectId me = new ObjectId();
        ObjectId them = new ObjectId();
        for (int i = 0; i < 250; i++) {
            stores.messages().add(them, me, "m" + i, null, null, new Date(1_000_000L + 1_000L * i));
        }
        assertThat(stores.messages().markSeen(them, me, new Date())).isEqualTo(250);

        // a sender's clock set back: older than everything already seen, and than the conversation's buckets
        stores.messages().add(them, me, "late", null, null, new Date(5_000L));
        stores.messages().add(them, me, "undated", null, null, null);
        stores.messages().add(them, me, "next", null, null, new Date(2_000_000L));

        assertThat(texts(stores.messages().unreadTo(me))).containsExactly("undated", "late", "next");
        assertThat(DerivedDocuments.of(db).check(db)).isEmpty();
        assertThat(stores.messages().markSeen(them, me, new Date())).isEqualTo(3);
        assertThat(stores.messages().unreadTo(me)).isEmpty();
        assertThat(stores.messages().markSeen(them, me, new Date())).isZero();
    }

    @Test
    void messagesStoredAlreadySeenAreNeverUnread() {
        ObjectId me = new ObjectId();
        ObjectId them = new ObjectId();
        Date seen = new Date(3_000L);
        stores.messages().insert(new Document("from", them).append("to", me).append("context", new Document("text", "old"))
                .append("sent_at", new Date(1_000L)).append("seen_at", seen));
        stores.messages().add(them, me, "new", null, null, new Date(2_000L));

        assertThat(texts(stores.messages().unreadTo(me))).containsExactly("new");
        assertThat(stores.messages().markSeen(them, me, new Date())).isEqualTo(1);
        assertThat(stores.messages().findById(stores.messages().collection()
                .find(Filters.eq("context.text", "old")).first().getObjectId("_id")).orElseThrow().getDate("seen_at"))
                .as("an earlier seen_at is left as it was").isEqualTo(seen);
    }

    /**
     * Two nodes: senders on both keep adding messages while both keep marking them seen. Every message is counted by
     * exactly one {@code message/seen}: the counts add up to the messages sent, none twice, none left unseen.
     */
    @Test
    void twoNodesMarkingSeenWhileMessagesArriveCountEachMessageOnce() throws Exception {
        ObjectId me = new ObjectId();
        ObjectId them = new ObjectId();
        List<Stores> nodes = List.of(stores, Stores.on(db));
        int senders = 4;
        int perSender = 60;
        ExecutorService pool = Executors.newFixedThreadPool(senders + 6);
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicLong counted = new AtomicLong();
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                Stores node = nodes.get(s % 2);
                int sender = s;
                sends.add(pool.submit(() -> {
                    for (int i = 0; i < perSender; i++) {
                        // dates that interleave and tie across senders, some before what was seen already
                        node.messages().add(them, me, sender + ":" + i, null, null, new Date(10_000L * (i / 3) + sender));
                    }
                }));
            }
            List<Future<?>> seers = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                Stores node = nodes.get(r % 2);
                seers.add(pool.submit(() -> {
                    while (sending.get()) {
                        counted.addAndGet(node.messages().markSeen(them, me, new Date()));
                    }
                }));
            }
            for (Future<?> f : sends) {
                f.get(60, TimeUnit.SECONDS);
            }
            sending.set(false);
            for (Future<?> f : seers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        counted.addAndGet(stores.messages().markSeen(them, me, new Date()));

        assertThat(counted.get()).isEqualTo(senders * perSender);
        assertThat(stores.messages().collection().countDocuments(Filters.and(Filters.eq("to", me), Filters.eq("seen_at", null))))
                .isZero();
        assertThat(stores.messages().unreadTo(me)).isEmpty();
        assertThat(DerivedDocuments.of(db).check(db)).isEmpty();
    }
}
