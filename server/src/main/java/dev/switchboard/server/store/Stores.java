package dev.switchboard.server.store;

import com.mongodb.client.MongoDatabase;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.store.derived.ChatListStore;
import dev.switchboard.server.store.derived.ConversationStore;
import dev.switchboard.server.store.derived.InverseListStore;
import dev.switchboard.server.store.derived.NewestListStore;
import dev.switchboard.server.store.derived.UnreadStore;

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
        return on(db.mongo());
    }

    /** The stores of that database, reached directly (the seeder and the checker work without a server). */
    public static Stores on(MongoDatabase db) {
        return new Stores(
                new UserStore(db.getCollection(UserStore.COLLECTION),
                        new InverseListStore(db.getCollection(InverseListStore.FOLLOWERS), UserStore.ADDED_AT),
                        new InverseListStore(db.getCollection(InverseListStore.BLOCKERS), UserStore.BLOCKED_AT)),
                new TweetStore(db.getCollection(TweetStore.COLLECTION),
                        new NewestListStore(db.getCollection(NewestListStore.TIMELINES))),
                new MessageStore(db.getCollection(MessageStore.COLLECTION),
                        new ConversationStore(db.getCollection(ConversationStore.COLLECTION)),
                        new ChatListStore(db.getCollection(ChatListStore.COLLECTION)),
                        new UnreadStore(db.getCollection(UnreadStore.COLLECTION))),
                new StoryStore(db.getCollection(StoryStore.COLLECTION),
                        new NewestListStore(db.getCollection(NewestListStore.LIVE_STORIES))),
                new FollowRequestStore(db.getCollection(FollowRequestStore.COLLECTION)),
                new RevocationStore(db.getCollection(RevocationStore.COLLECTION)),
                new AccountTokenStore(db.getCollection(AccountTokenStore.COLLECTION)),
                new OutboxStore(db.getCollection(OutboxStore.COLLECTION)),
                new SuspensionStore(db.getCollection(SuspensionStore.COLLECTION)),
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
