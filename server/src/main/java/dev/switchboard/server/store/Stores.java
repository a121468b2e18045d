package dev.switchboard.server.store;

import com.mongodb.client.MongoDatabase;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.store.cache.KeyedReads;
import dev.switchboard.server.store.derived.ChatListStore;
import dev.switchboard.server.store.derived.ConversationStore;
import dev.switchboard.server.store.derived.InverseListStore;
import dev.switchboard.server.store.derived.NewestListStore;

/** Every collection of the application, each behind its store. */
public record Stores(
        UserStore users,
        TweetStore tweets,
        MessageStore messages,
        StoryStore stories,
        FollowRequestStore followRequests,
        RevocationStore revocations,
        AccountTokenStore accountTokens,
        OutboxStore outbox,
        SuspensionStore suspensions,
        AuditStore audit) {

    /** The stores of that database; call {@link #ensureIndexes()} once at startup. */
    public static Stores on(Database db) {
        return on(db.mongo(), KeyedReads.direct());
    }

    /** The stores of that database, reached directly (the seeder and the checker work without a server). */
    public static Stores on(MongoDatabase db) {
        return on(db, KeyedReads.direct());
    }

    /** The stores of that database, reading documents by {@code _id} through {@code reads}. */
    public static Stores on(MongoDatabase db, KeyedReads reads) {
        return new Stores(
                new UserStore(db.getCollection(UserStore.COLLECTION),
                        new InverseListStore(db.getCollection(InverseListStore.FOLLOWERS), UserStore.ADDED_AT, reads),
                        new InverseListStore(db.getCollection(InverseListStore.BLOCKERS), UserStore.BLOCKED_AT, reads),
                        reads),
                new TweetStore(db.getCollection(TweetStore.COLLECTION),
                        new NewestListStore(db.getCollection(NewestListStore.TIMELINES), reads), reads),
                new MessageStore(db.getCollection(MessageStore.COLLECTION),
                        new ConversationStore(db.getCollection(ConversationStore.COLLECTION), reads),
                        new ChatListStore(db.getCollection(ChatListStore.COLLECTION), reads), reads),
                new StoryStore(db.getCollection(StoryStore.COLLECTION),
                        new NewestListStore(db.getCollection(NewestListStore.LIVE_STORIES), reads), reads),
                new FollowRequestStore(db.getCollection(FollowRequestStore.COLLECTION)),
                new RevocationStore(db.getCollection(RevocationStore.COLLECTION), reads),
                new AccountTokenStore(db.getCollection(AccountTokenStore.COLLECTION)),
                new OutboxStore(db.getCollection(OutboxStore.COLLECTION)),
                new SuspensionStore(db.getCollection(SuspensionStore.COLLECTION), reads),
                new AuditStore(db.getCollection(AuditStore.COLLECTION)));
    }

    /** Declares every index (unique ones included); safe to repeat. */
    public Stores ensureIndexes() {
        users.ensureIndexes();
        tweets.ensureIndexes();
        messages.ensureIndexes();
        stories.ensureIndexes();
        followRequests.ensureIndexes();
        accountTokens.ensureIndexes();
        outbox.ensureIndexes();
        audit.ensureIndexes();
        return this;
    }
}
