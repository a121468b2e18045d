package dev.switchboard.server.socket;

import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.TweetStore;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TweetListenersTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static String tweet(ObjectId owner, String text) {
        return server.stores().tweets().add(owner, text, new Date()).getObjectId("_id").toHexString();
    }

    @Test
    void aTweetIsStoredAsTheServerSaysAndPushedToEveryFollowerSocketOutsideBlocks() {
        ObjectId me = server.user();
        ObjectId follower = server.user();
        ObjectId stranger = server.publicUser();
        ObjectId iBlock = server.user();
        ObjectId blocksMe = server.user();
        for (ObjectId f : List.of(follower, iBlock, blocksMe)) {
            server.follow(f, me);
        }
        server.block(me, iBlock);
        server.block(blocksMe, me);
        try (TestClient mine = server.connect(me); TestClient f1 = server.connect(follower);
             TestClient f2 = server.connect(follower); TestClient s = server.connect(stranger);
             TestClient b1 = server.connect(iBlock); TestClient b2 = server.connect(blocksMe)) {
            JsonNode tweet = ok(mine.call("tweet/add", Map.of("context", "  hello world  ", "owner",
                    stranger.toHexString(), "likes", List.of(stranger.toHexString()), "removed", true,
                    "sent_at", "2000-01-01T00:00:00.000Z", "extra", 1))).get("tweet");
            assertThat(tweet.get("owner").asText()).isEqualTo(me.toHexString());
            assertThat(tweet.get("context").asText()).isEqualTo("hello world");
            assertThat(tweet.get("likes").asInt()).isZero();
            assertThat(tweet.get("comments").asInt()).isZero();
            assertThat(tweet.get("userLiked").asBoolean()).isFalse();
            assertThat(tweet.get("sent_at").asText()).doesNotStartWith("2000");

            assertThat(f1.push("tweet/new")).isEqualTo(tweet);
            assertThat(f2.push("tweet/new")).isEqualTo(tweet);
            s.noPush("tweet/new", Duration.ofMillis(200));
            b1.noPush("tweet/new", Duration.ofMillis(100));
            b2.noPush("tweet/new", Duration.ofMillis(100));

            Document stored = server.stores().tweets().findById(new ObjectId(tweet.get("_id").asText())).orElseThrow();
            assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "owner", "likes", "comments", "context",
                    "sent_at", "removed");
            assertThat(stored.getObjectId("owner")).isEqualTo(me);
            assertThat(stored.getBoolean("removed")).isFalse();
            assertThat(stored.getList("likes", ObjectId.class)).isEmpty();

            JsonNode plain = ok(mine.call("tweet/add", "a plain string")).get("tweet");
            assertThat(plain.get("context").asText()).isEqualTo("a plain string");
        }
    }

    @Test
    void onlyTheOwnerDeletesATweetAndItDisappearsFromEveryRead() {
        ObjectId owner = server.publicUser();
        ObjectId other = server.user();
        String id = tweet(owner, "to delete");
        try (TestClient mine = server.connect(owner); TestClient theirs = server.connect(other)) {
            assertThat(failed(theirs.call("tweet/delete", id), "forbidden")).contains("not yours");
            assertThat(ok(mine.call("tweet/delete", id)).get("removed").asBoolean()).isTrue();
            assertThat(server.stores().tweets().findById(new ObjectId(id)).orElseThrow().getBoolean("removed")).isTrue();
            assertThat(failed(mine.call("tweet/delete", id), "not_found")).contains("removed");
            assertThat(ok(theirs.call("tweet/get/byPagination", owner.toHexString())).get("tweets")).isEmpty();
            assertThat(failed(theirs.call("tweet/like/toggle", id), "not_found")).isNotBlank();
            assertThat(failed(theirs.call("tweet/comment/add", id, "late"), "not_found")).isNotBlank();
        }
    }

    @Test
    void likeToggles() {
        ObjectId owner = server.publicUser();
        ObjectId fan = server.user();
        String id = tweet(owner, "like me");
        try (TestClient c = server.connect(fan)) {
            JsonNode liked = ok(c.call("tweet/like/toggle", id));
            assertThat(liked.get("liked").asBoolean()).isTrue();
            assertThat(liked.get("likes").asInt()).isEqualTo(1);
            assertThat(TweetStore.likes(server.stores().tweets().findById(new ObjectId(id)).orElseThrow()))
                    .containsExactly(fan);
            JsonNode summary = ok(c.call("tweet/get/byPagination", owner.toHexString())).get("tweets").get(0);
            assertThat(summary.get("userLiked").asBoolean()).isTrue();
            assertThat(summary.get("likes").asInt()).isEqualTo(1);
            JsonNode unliked = ok(c.call("tweet/like/toggle", id));
            assertThat(unliked.get("liked").asBoolean()).isFalse();
            assertThat(unliked.get("likes").asInt()).isZero();
            assertThat(failed(c.call("tweet/like/toggle", new ObjectId().toHexString()), "not_found")).isNotBlank();
        }
    }

    @Test
    void likesAndCommentsFollowVisibilityAndBlocks() {
        ObjectId privateOwner = server.user();
        ObjectId publicOwner = server.publicUser();
        ObjectId me = server.user();
        String privateTweet = tweet(privateOwner, "private");
        String publicTweet = tweet(publicOwner, "public");
        try (TestClient c = server.connect(me)) {
            assertThat(failed(c.call("tweet/like/toggle", privateTweet), "forbidden")).contains("private");
            assertThat(failed(c.call("tweet/comment/add", privateTweet, "hi"), "forbidden")).contains("private");
            assertThat(failed(c.call("tweet/comment/get/byPagination", privateTweet), "forbidden")).isNotBlank();
            assertThat(failed(c.call("tweet/get/byPagination", privateOwner.toHexString()), "forbidden")).isNotBlank();
            server.follow(me, privateOwner);
            ok(c.call("tweet/like/toggle", privateTweet));
            ok(c.call("tweet/comment/add", privateTweet, "hi"));
            assertThat(ok(c.call("tweet/get/byPagination", privateOwner.toHexString())).get("tweets")).hasSize(1);

            ok(c.call("tweet/like/toggle", publicTweet));
            server.block(me, publicOwner);
            assertThat(failed(c.call("tweet/like/toggle", publicTweet), "forbidden")).contains("you block");
            assertThat(failed(c.call("tweet/comment/add", publicTweet, "x"), "forbidden")).contains("you block");
            server.stores().users().unblock(me, publicOwner);
            server.block(publicOwner, me);
            assertThat(failed(c.call("tweet/like/toggle", publicTweet), "forbidden")).contains("blocks you");
            assertThat(failed(c.call("tweet/get/byPagination", publicOwner.toHexString()), "forbidden"))
                    .contains("blocks you");
        }
    }

    @Test
    void commentsAreStoredInsideTheTweetAndMayReplyToACommentOfThatTweet() {
        ObjectId owner = server.publicUser();
        ObjectId me = server.user();
        String id = tweet(owner, "discuss");
        String otherTweet = tweet(owner, "other");
        try (TestClient c = server.connect(me)) {
            JsonNode first = ok(c.call("tweet/comment/add", id, "  first  ")).get("comment");
            assertThat(first.get("owner").asText()).isEqualTo(me.toHexString());
            assertThat(first.get("context").asText()).isEqualTo("first");
            assertThat(first.get("reply_to").isNull()).isTrue();
            assertThat(first.get("sent_at").asText()).endsWith("Z");
            JsonNode reply = ok(c.call("tweet/comment/add", id, "second", first.get("_id").asText())).get("comment");
            assertThat(reply.get("reply_to")).isEqualTo(first.get("_id"));

            assertThat(failed(c.call("tweet/comment/add", otherTweet, "x", first.get("_id").asText()), "not_found"))
                    .contains("is not a comment of tweet");
            assertThat(failed(c.call("tweet/comment/add", id, "x".repeat(501)), "invalid_argument")).contains("500");
            ok(c.call("tweet/comment/add", id, "x".repeat(500)));

            List<Document> stored = TweetStore.comments(server.stores().tweets().findById(new ObjectId(id)).orElseThrow());
            assertThat(stored).hasSize(3);
            assertThat(stored.get(0).keySet()).containsExactlyInAnyOrder("_id", "owner", "context", "reply_to", "sent_at");
            assertThat(ok(c.call("tweet/get/byPagination", owner.toHexString(), 1)).get("tweets")
                    .findValuesAsText("comments")).contains("3");
        }
    }

    @Test
    void commentsComeOldestFirst20APage() {
        ObjectId owner = server.publicUser();
        String id = tweet(owner, "popular");
        for (int i = 0; i < 25; i++) {
            server.stores().tweets().addComment(new ObjectId(id), owner, "c" + i, null, new Date(1000L * i));
        }
        try (TestClient c = server.connect(server.user())) {
            JsonNode page1 = ok(c.call("tweet/comment/get/byPagination", id));
            assertThat(page1.get("page").asInt()).isEqualTo(1);
            assertThat(page1.get("comments")).hasSize(20);
            assertThat(page1.get("comments").get(0).get("context").asText()).isEqualTo("c0");
            JsonNode page2 = ok(c.call("tweet/comment/get/byPagination", id, 2));
            assertThat(page2.get("comments")).hasSize(5);
            assertThat(page2.get("comments").get(4).get("context").asText()).isEqualTo("c24");
            assertThat(ok(c.call("tweet/comment/get/byPagination", id, 9)).get("comments")).isEmpty();
            assertThat(failed(c.call("tweet/comment/get/byPagination", new ObjectId().toHexString()), "not_found"))
                    .isNotBlank();
        }
    }

    @Test
    void aCommentIsDeletedByItsOwnerOrByTheTweetsOwnerOnly() {
        ObjectId owner = server.publicUser();
        ObjectId author = server.user();
        ObjectId bystander = server.user();
        String id = tweet(owner, "t");
        try (TestClient o = server.connect(owner); TestClient a = server.connect(author);
             TestClient b = server.connect(bystander)) {
            String c1 = ok(a.call("tweet/comment/add", id, "one")).get("comment").get("_id").asText();
            String c2 = ok(a.call("tweet/comment/add", id, "two")).get("comment").get("_id").asText();
            assertThat(failed(b.call("tweet/comment/delete", c1), "forbidden")).contains("only");
            assertThat(ok(a.call("tweet/comment/delete", c1)).size()).isEqualTo(1);
            ok(o.call("tweet/comment/delete", c2));
            assertThat(TweetStore.comments(server.stores().tweets().findById(new ObjectId(id)).orElseThrow())).isEmpty();
            assertThat(failed(a.call("tweet/comment/delete", c1), "not_found")).contains(c1);
        }
    }

    @Test
    void aUsersTweetsComeNewestFirst20APage() {
        ObjectId owner = server.publicUser();
        for (int i = 0; i < 23; i++) {
            server.stores().tweets().add(owner, "t" + i, new Date(1000L * i));
        }
        try (TestClient c = server.connect(server.user())) {
            JsonNode page1 = ok(c.call("tweet/get/byPagination", owner.toHexString()));
            assertThat(page1.get("tweets")).hasSize(20);
            assertThat(page1.get("tweets").get(0).get("context").asText()).isEqualTo("t22");
            assertThat(page1.get("tweets").get(0).get("sent_at").asText()).isEqualTo("1970-01-01T00:00:22.000Z");
            JsonNode page2 = ok(c.call("tweet/get/byPagination", owner.toHexString(), 2));
            assertThat(page2.get("page").asInt()).isEqualTo(2);
            assertThat(page2.get("tweets")).hasSize(3);
            assertThat(failed(c.call("tweet/get/byPagination", new ObjectId().toHexString()), "not_found"))
                    .contains("does not exist");
        }
    }

    @Test
    void theHomeTimelineOnConnectHoldsTweetsOfFollowedUsersOnly() {
        ObjectId me = server.user();
        ObjectId followed = server.user();
        ObjectId other = server.publicUser();
        server.follow(me, followed);
        for (int i = 0; i < 22; i++) {
            server.stores().tweets().add(followed, "f" + i, new Date(1000L * i));
        }
        tweet(other, "not followed");
        tweet(me, "my own");
        try (TestClient c = server.connect(me)) {
            JsonNode home = c.push("tweet/send/byPagination");
            assertThat(home).hasSize(20);
            assertThat(home.get(0).get("context").asText()).isEqualTo("f21");
            assertThat(home.findValuesAsText("owner")).containsOnly(followed.toHexString());
        }
    }
}
