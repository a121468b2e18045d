package dev.switchboard.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import dev.switchboard.server.db.Database;
import dev.switchboard.server.db.EmbeddedMongo;
import dev.switchboard.server.store.derived.DerivedDocuments;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stores against the embedded database, through the real driver over a socket. */
class StoresTest {

    static EmbeddedMongo mongo;
    static Database db;
    static Stores stores;

    @BeforeAll
    static void start() {
        mongo = EmbeddedMongo.start(null, "127.0.0.1", 0);
        db = Database.connect(mongo.uri() + "/storestest");
        stores = Stores.on(db).ensureIndexes();
    }

    @AfterAll
    static void stop() {
        db.close();
        mongo.close();
    }

    @BeforeEach
    void clean() {
        List<String> all = new java.util.ArrayList<>(List.of(UserStore.COLLECTION, TweetStore.COLLECTION,
                MessageStore.COLLECTION, StoryStore.COLLECTION, FollowRequestStore.COLLECTION));
        all.addAll(DerivedDocuments.COLLECTIONS);
        for (String c : all) {
            db.collection(c).deleteMany(new Document());
        }
    }

    /** Whatever a test did through the stores, the derived documents agree with their sources. */
    @AfterEach
    void derivedDocumentsAgree() {
        assertThat(DerivedDocuments.of(db.mongo()).check(db.mongo())).isEmpty();
    }

    static ObjectId user(String username) {
        return stores.users().insert(new Document("username", username).append("name", username.toUpperCase())
                .append("email", username + "@example.com"));
    }

    @Test
    void usernameAndEmailAreUnique() {
        user("kia");
        assertThatThrownBy(() -> stores.users().insert(new Document("username", "kia").append("email", "x@y.z")))
                .isInstanceOf(MongoWriteException.class);
        assertThatThrownBy(() -> stores.users().insert(new Document("username", "other")
                .append("email", "kia@example.com"))).isInstanceOf(MongoWriteException.class);
    }

    @Test
    void searchMatchesPrefixOfUsernameNameOrEmailCaseInsensitively() {
        user("alice");
        user("bob");
        stores.users().insert(new Document("username", "zed").append("name", "Alina").append("email", "z@q.io"));
        stores.users().insert(new Document("username", "yan").append("name", "Y").append("email", "al@q.io"));
        assertThat(stores.users().search("AL", 10)).extracting(d -> d.getString("username"))
                .containsExactly("alice", "yan", "zed");
        assertThat(stores.users().search("a.", 10)).isEmpty();
        assertThat(stores.users().search("", 2)).hasSize(2);
    }

    @Test
    void followUnfollowAndFollowers() {
        ObjectId a = user("a");
        ObjectId b = user("b");
        ObjectId c = user("c");
        Date now = new Date();
        assertThat(stores.users().follow(a, b, now)).isTrue();
        assertThat(stores.users().follow(a, b, now)).isFalse();
        assertThat(stores.users().follow(c, b, now)).isTrue();
        assertThat(stores.users().followerEntries(b)).extracting(d -> d.getObjectId("id")).containsExactlyInAnyOrder(a, c);
        Document aDoc = stores.users().findById(a).orElseThrow();
        assertThat(UserStore.follows(aDoc, b)).isTrue();
        assertThat(UserStore.entries(aDoc, UserStore.FOLLOWING)).hasSize(1);
        assertThat(UserStore.entries(aDoc, UserStore.FOLLOWING).get(0).getDate("added_at")).isEqualTo(now);
        assertThat(stores.users().unfollow(a, b)).isTrue();
        assertThat(stores.users().unfollow(a, b)).isFalse();
        assertThat(stores.users().countFollowers(b)).isEqualTo(1);
    }

    @Test
    void blockAndPublicity() {
        ObjectId a = user("a");
        ObjectId b = user("b");
        assertThat(stores.users().block(a, b, new Date())).isTrue();
        assertThat(stores.users().block(a, b, new Date())).isFalse();
        assertThat(UserStore.blocks(stores.users().findById(a).orElseThrow(), b)).isTrue();
        ObjectId c = user("c");
        assertThat(stores.users().blockerIds(b)).containsExactly(a);
        assertThat(stores.users().blockerIds(c)).isEmpty();
        assertThat(stores.users().unblock(a, b)).isTrue();
        assertThat(stores.users().blockerIds(b)).isEmpty();
        assertThat(UserStore.isPublic(stores.users().findById(a).orElseThrow())).isFalse();
        stores.users().setPublicity(a, true);
        assertThat(UserStore.isPublic(stores.users().findById(a).orElseThrow())).isTrue();
    }

    @Test
    void findByIdsKeepsTheAskedOrderAndSkipsMissing() {
        ObjectId a = user("a");
        ObjectId b = user("b");
        assertThat(stores.users().findByIds(List.of(b, new ObjectId(), a)).keySet()).containsExactly(b, a);
    }

    @Test
    void tweetsLikesCommentsAndRemoval() {
        ObjectId a = user("a");
        ObjectId b = user("b");
        Document t1 = stores.tweets().add(a, "first", new Date(1000));
        Document t2 = stores.tweets().add(a, "second", new Date(2000));
        stores.tweets().add(b, "other", new Date(3000));
        assertThat(stores.tweets().byOwner(a, 0, 20)).extracting(d -> d.getString("context"))
                .containsExactly("second", "first");
        assertThat(stores.tweets().byOwners(List.of(a, b), 1, 1)).extracting(d -> d.getString("context"))
                .containsExactly("second");

        ObjectId t1Id = t1.getObjectId("_id");
        assertThat(stores.tweets().toggleLike(t1Id, b, false)).contains(new TweetStore.LikeToggle(true, 1));
        assertThat(TweetStore.likes(stores.tweets().findLive(t1Id).orElseThrow())).containsExactly(b);
        assertThat(stores.tweets().toggleLike(t1Id, b, true)).contains(new TweetStore.LikeToggle(false, 0));
        // what the caller read may be stale: the toggle still flips the stored state, whichever it tries first
        assertThat(stores.tweets().toggleLike(t1Id, b, true)).contains(new TweetStore.LikeToggle(true, 1));
        assertThat(stores.tweets().toggleLike(t1Id, b, false)).contains(new TweetStore.LikeToggle(false, 0));
        assertThat(TweetStore.likes(stores.tweets().findLive(t1Id).orElseThrow())).isEmpty();
        assertThat(stores.tweets().toggleLike(new ObjectId(), b, false)).isEmpty();

        Document c = stores.tweets().addComment(t1Id, b, "nice", null, new Date());
        ObjectId cId = c.getObjectId("_id");
        assertThat(stores.tweets().findLiveByComment(cId)).get().extracting(d -> d.getObjectId("_id")).isEqualTo(t1Id);
        assertThat(stores.tweets().removeComment(t1Id, cId)).isTrue();
        assertThat(TweetStore.comments(stores.tweets().findLive(t1Id).orElseThrow())).isEmpty();

        assertThat(stores.tweets().markRemoved(t2.getObjectId("_id"), b)).isFalse();
        assertThat(stores.tweets().markRemoved(t2.getObjectId("_id"), a)).isTrue();
        assertThat(stores.tweets().findLive(t2.getObjectId("_id"))).isEmpty();
        assertThat(stores.tweets().findById(t2.getObjectId("_id")).orElseThrow().getBoolean("removed")).isTrue();
        assertThat(stores.tweets().countByOwner(a)).isEqualTo(1);
    }

    @Test
    void messagesConversationUnreadSeenAndChatPartners() {
        ObjectId a = user("a");
        ObjectId b = user("b");
        ObjectId c = user("c");
        stores.messages().add(a, b, "1", null, null, new Date(1000));
        stores.messages().add(b, a, "2", null, null, new Date(2000));
        stores.messages().add(c, a, "3", null, null, new Date(3000));
        stores.messages().add(a, b, "4", null, null, new Date(4000));
        assertThat(stores.messages().conversation(a, b, 0, 25)).extracting(m -> m.get("context", Document.class)
                .getString("text")).containsExactly("4", "2", "1");
        assertThat(stores.messages().chatPartners(a)).containsExactly(b, c);
        assertThat(stores.messages().chatPartners(c)).containsExactly(a);
        assertThat(stores.messages().unreadTo(a)).hasSize(2);
        assertThat(stores.messages().markSeen(c, a, new Date())).isEqualTo(1);
        assertThat(stores.messages().markSeen(c, a, new Date())).isZero();
        assertThat(stores.messages().unreadTo(a)).hasSize(1);
        Document stored = stores.messages().conversation(a, c, 0, 1).get(0);
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "from", "to", "reply_to", "context",
                "sent_at", "seen_at");
    }

    @Test
    void storiesLiveSeenAndRemoved() {
        ObjectId a = user("a");
        ObjectId b = user("b");
        Date now = new Date();
        Document live = stores.stories().add(a, "aGVsbG8=", now);
        stores.stories().add(a, "b2xk", new Date(now.getTime() - StoryStore.LIFETIME_MS - 1000));
        List<Document> stories = stores.stories().liveOf(List.of(a), now);
        assertThat(stories).hasSize(1);
        assertThat(stories.get(0).containsKey("image")).isFalse();
        ObjectId id = live.getObjectId("_id");
        assertThat(stores.stories().markSeen(id, b, now)).isTrue();
        assertThat(stores.stories().markSeen(id, b, now)).isFalse();
        assertThat(StoryStore.seenBy(stores.stories().findById(id).orElseThrow(), b)).isTrue();
        assertThat(stores.stories().markRemoved(id, b)).isFalse();
        assertThat(stores.stories().markRemoved(id, a)).isTrue();
        assertThat(stores.stories().findLive(id, now)).isEmpty();
        assertThat(stores.stories().allOf(a)).hasSize(2);
    }

    @Test
    void followRequestsAreUniquePerPair() {
        ObjectId a = user("a");
        ObjectId b = user("b");
        assertThat(stores.followRequests().add(a, b, new Date())).isPresent();
        assertThat(stores.followRequests().add(a, b, new Date())).isEmpty();
        assertThat(stores.followRequests().add(b, a, new Date())).isPresent();
        assertThat(stores.followRequests().to(b)).hasSize(1);
        assertThat(stores.followRequests().by(b)).hasSize(1);
        assertThat(stores.followRequests().remove(a, b)).isPresent();
        assertThat(stores.followRequests().remove(a, b)).isEmpty();
        stores.followRequests().add(a, b, new Date());
        assertThat(stores.followRequests().removeBetween(b, a)).isEqualTo(2);
    }
}
