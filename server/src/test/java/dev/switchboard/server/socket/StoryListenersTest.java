package dev.switchboard.server.socket;

import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.StoryStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StoryListenersTest {

    static final String PHOTO = Base64.getEncoder().encodeToString("a photo".getBytes());
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void aNewStoryIsStoredAndPushedWithoutImageToEverySocketOfEveryFollowerOnly() {
        ObjectId me = server.user();
        ObjectId follower = server.user();
        ObjectId stranger = server.user();
        ObjectId blockedFollower = server.user();
        server.follow(follower, me);
        server.follow(blockedFollower, me);
        server.block(me, blockedFollower);
        try (TestClient mine = server.connect(me); TestClient f1 = server.connect(follower);
             TestClient f2 = server.connect(follower); TestClient s = server.connect(stranger);
             TestClient b = server.connect(blockedFollower)) {
            JsonNode story = ok(mine.call("story/new", PHOTO)).get("story");
            assertThat(story.get("owner").asText()).isEqualTo(me.toHexString());
            assertThat(story.get("added_at").asText()).endsWith("Z");
            assertThat(story.has("image")).isFalse();

            for (TestClient f : List.of(f1, f2)) {
                JsonNode pushed = f.push("story/new");
                assertThat(pushed.get("_id")).isEqualTo(story.get("_id"));
                assertThat(pushed.has("image")).isFalse();
            }
            s.noPush("story/new", Duration.ofMillis(200));
            b.noPush("story/new", Duration.ofMillis(100));
            mine.noPush("story/new", Duration.ofMillis(100));

            Document stored = server.stores().stories().findById(new ObjectId(story.get("_id").asText())).orElseThrow();
            assertThat(stored.getString("image")).isEqualTo(PHOTO);
            assertThat(stored.getBoolean("removed")).isFalse();
            assertThat(stored.getList("seen_by", Document.class)).isEmpty();
        }
    }

    @Test
    void aFollowerGetsThePhotoAndIsRecordedOnceAsViewer() {
        ObjectId owner = server.user();
        ObjectId follower = server.user();
        server.follow(follower, owner);
        Document story = server.stores().stories().add(owner, PHOTO, new Date());
        String storyId = story.getObjectId("_id").toHexString();
        try (TestClient f = server.connect(follower)) {
            JsonNode reply = ok(f.call("story/photo/get", owner.toHexString(), storyId));
            assertThat(reply.get("storyId").asText()).isEqualTo(storyId);
            assertThat(reply.get("base64Photo").asText()).isEqualTo(PHOTO);
            ok(f.call("story/photo/get", owner.toHexString(), storyId));
            List<Document> seenBy = server.stores().stories().findById(story.getObjectId("_id")).orElseThrow()
                    .getList("seen_by", Document.class);
            assertThat(seenBy).hasSize(1);
            assertThat(seenBy.get(0).getObjectId("by")).isEqualTo(follower);
            assertThat(seenBy.get(0).getDate("at")).isNotNull();
        }
        try (TestClient again = server.connect(follower)) {
            JsonNode stories = again.push("story/send/all");
            assertThat(stories).hasSize(1);
            assertThat(stories.get(0).get("seen").asBoolean()).isTrue();
        }
    }

    @Test
    void storyPhotosFollowTheVisibilityRules() {
        ObjectId privateOwner = server.user();
        ObjectId publicOwner = server.publicUser();
        ObjectId me = server.user();
        String privateStory = server.stores().stories().add(privateOwner, PHOTO, new Date()).getObjectId("_id")
                .toHexString();
        String publicStory = server.stores().stories().add(publicOwner, PHOTO, new Date()).getObjectId("_id")
                .toHexString();
        try (TestClient c = server.connect(me)) {
            assertThat(failed(c.call("story/photo/get", privateOwner.toHexString(), privateStory), "forbidden"))
                    .contains("private");
            ok(c.call("story/photo/get", publicOwner.toHexString(), publicStory));
            server.block(publicOwner, me);
            assertThat(failed(c.call("story/photo/get", publicOwner.toHexString(), publicStory), "forbidden"))
                    .contains("blocks you");
            // the story must belong to the owner named
            assertThat(failed(c.call("story/photo/get", privateOwner.toHexString(), publicStory), "not_found"))
                    .contains(publicStory);
            assertThat(failed(c.call("story/photo/get", new ObjectId().toHexString(), publicStory), "not_found"))
                    .contains("does not exist");
            assertThat(failed(c.call("story/photo/get", privateOwner.toHexString(), new ObjectId().toHexString()),
                    "not_found")).isNotBlank();
        }
    }

    @Test
    void expiredAndRemovedStoriesAreGone() {
        ObjectId owner = server.publicUser();
        ObjectId viewer = server.user();
        server.follow(viewer, owner);
        Document old = server.stores().stories().add(owner, PHOTO,
                new Date(System.currentTimeMillis() - StoryStore.LIFETIME_MS - 60_000));
        Document live = server.stores().stories().add(owner, PHOTO, new Date());
        try (TestClient c = server.connect(viewer)) {
            JsonNode onConnect = c.push("story/send/all");
            assertThat(onConnect).hasSize(1);
            assertThat(onConnect.get(0).get("_id").asText()).isEqualTo(live.getObjectId("_id").toHexString());
            assertThat(failed(c.call("story/photo/get", owner.toHexString(), old.getObjectId("_id").toHexString()),
                    "not_found")).contains("24 hours");
        }
    }

    @Test
    void onlyTheOwnerDeletesAStoryAndItIsMarkedRemoved() {
        ObjectId owner = server.publicUser();
        ObjectId other = server.user();
        Document story = server.stores().stories().add(owner, PHOTO, new Date());
        String id = story.getObjectId("_id").toHexString();
        try (TestClient mine = server.connect(owner); TestClient theirs = server.connect(other)) {
            assertThat(failed(theirs.call("story/delete", id), "forbidden")).contains("not yours");
            JsonNode reply = ok(mine.call("story/delete", id));
            assertThat(reply.size()).isEqualTo(1);
            assertThat(server.stores().stories().findById(story.getObjectId("_id")).orElseThrow().getBoolean("removed"))
                    .isTrue();
            assertThat(failed(mine.call("story/delete", id), "not_found")).contains("removed");
            assertThat(failed(theirs.call("story/photo/get", owner.toHexString(), id), "not_found")).isNotBlank();
            assertThat(failed(mine.call("story/delete", new ObjectId().toHexString()), "not_found")).isNotBlank();
        }
    }

    @Test
    void anImageAboveTheLimitIsTooLarge() {
        try (TestClient c = server.connect(server.user())) {
            String big = Base64.getEncoder().encodeToString(new byte[1024 * 1024 + 1]);
            assertThat(failed(c.call("story/new", big), "too_large")).contains("1048576");
            String limit = Base64.getEncoder().encodeToString(new byte[1024 * 1024]);
            ok(c.call("story/new", limit));
        }
    }
}
