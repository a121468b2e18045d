package dev.switchboard.server.store;

import dev.switchboard.server.db.Database;

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
        return new Stores(
                new UserStore(db.collection(UserStore.COLLECTION)),
                new TweetStore(db.collection(TweetStore.COLLECTION)),
                new MessageStore(db.collection(MessageStore.COLLECTION)),
                new StoryStore(db.collection(StoryStore.COLLECTION)),
                new FollowRequestStore(db.collection(FollowRequestStore.COLLECTION)),
                new RevocationStore(db.collection(RevocationStore.COLLECTION)),
                new AccountTokenStore(db.collection(AccountTokenStore.COLLECTION)),
                new OutboxStore(db.collection(OutboxStore.COLLECTION)),
                new SuspensionStore(db.collection(SuspensionStore.COLLECTION)),
                new AuditStore(db.collection(AuditStore.COLLECTION)));
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
