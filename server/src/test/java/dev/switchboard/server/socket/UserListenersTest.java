package dev.switchboard.server.socket;

import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.UserStore;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserListenersTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static String hex(ObjectId id) {
        return id.toHexString();
    }

    @Test
    void aProfileShowsThePublicFieldsAndMyRelation() {
        ObjectId me = server.user();
        ObjectId other = server.user();
        server.follow(me, other);
        server.follow(other, me);
        try (TestClient c = server.connect(me)) {
            JsonNode mine = ok(c.call("user/profile/get"));
            assertThat(mine.get("profile").get("_id").asText()).isEqualTo(hex(me));
            JsonNode theirs = ok(c.call("user/profile/get", hex(other)));
            JsonNode profile = theirs.get("profile");
            assertThat(fieldNames(profile)).containsExactlyInAnyOrder("_id", "name", "family", "username", "photo", "biography",
                    "last_seen");
            assertThat(profile.get("username").asText()).isEqualTo(server.userDoc(other).getString("username"));
            JsonNode relation = theirs.get("relation");
            assertThat(relation.get("isFollowed").asBoolean()).isTrue();
            assertThat(relation.get("isBlocked").asBoolean()).isFalse();
            assertThat(relation.get("mutual").asBoolean()).isTrue();
            assertThat(failed(c.call("user/profile/get", hex(new ObjectId())), "not_found")).contains("does not exist");
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void blockingDropsMyFollowAndRequestsBothWaysAndStopsThePushes() {
        ObjectId me = server.user();
        ObjectId other = server.publicUser();
        server.follow(me, other);
        server.stores().followRequests().add(other, me, new Date());
        try (TestClient mine = server.connect(me); TestClient theirs = server.connect(other)) {
            ok(theirs.call("tweet/add", "before the block"));
            mine.push("tweet/new");

            assertThat(ok(mine.call("user/block/toggle", hex(other))).get("blocked").asBoolean()).isTrue();
            Document meDoc = server.userDoc(me);
            assertThat(UserStore.follows(meDoc, other)).isFalse();
            assertThat(UserStore.blocks(meDoc, other)).isTrue();
            assertThat(server.stores().followRequests().find(other, me)).isEmpty();

            JsonNode list = ok(mine.call("user/block/get/all")).get("block");
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("id").asText()).isEqualTo(hex(other));
            assertThat(list.get(0).get("blocked_at").asText()).endsWith("Z");

            ok(theirs.call("tweet/add", "after the block"));
            mine.noPush("tweet/new", Duration.ofMillis(300));

            assertThat(ok(mine.call("user/block/toggle", hex(other))).get("blocked").asBoolean()).isFalse();
            assertThat(ok(mine.call("user/block/get/all")).get("block")).isEmpty();
            assertThat(failed(mine.call("user/block/toggle", hex(me)), "invalid_argument")).contains("yourself");
            assertThat(failed(mine.call("user/block/toggle", hex(new ObjectId())), "not_found")).isNotBlank();
        }
    }

    @Test
    void followersAndFollowingAreVisibleByTheRules() {
        ObjectId privateUser = server.user();
        ObjectId follower = server.user();
        ObjectId stranger = server.user();
        ObjectId followed = server.user();
        server.follow(follower, privateUser);
        server.follow(privateUser, followed);
        try (TestClient f = server.connect(follower); TestClient s = server.connect(stranger)) {
            JsonNode followers = ok(f.call("user/follower/get/all", hex(privateUser)));
            assertThat(followers.get("userId").asText()).isEqualTo(hex(privateUser));
            assertThat(followers.get("follower")).hasSize(1);
            assertThat(followers.get("follower").get(0).get("id").asText()).isEqualTo(hex(follower));
            assertThat(followers.get("follower").get(0).get("added_at").asText()).endsWith("Z");
            JsonNode following = ok(f.call("user/following/get/all", hex(privateUser)));
            assertThat(following.get("following").get(0).get("id").asText()).isEqualTo(hex(followed));

            assertThat(failed(s.call("user/follower/get/all", hex(privateUser)), "forbidden")).contains("private");
            assertThat(failed(s.call("user/following/get/all", hex(privateUser)), "forbidden")).contains("private");
            ok(s.call("user/following/get/all", hex(stranger)));
            assertThat(failed(s.call("user/follower/get/all", hex(new ObjectId())), "not_found")).isNotBlank();
        }
    }

    @Test
    void aFollowRequestIsPushedToEverySocketOfThePrivateUserAndCanBeWithdrawn() {
        ObjectId me = server.user();
        ObjectId target = server.user();
        try (TestClient mine = server.connect(me); TestClient t1 = server.connect(target);
             TestClient t2 = server.connect(target)) {
            JsonNode reply = ok(mine.call("user/follow/request/toggle", hex(target)));
            assertThat(reply.get("requested").asBoolean()).isTrue();
            assertThat(reply.get("following").asBoolean()).isFalse();
            for (TestClient t : List.of(t1, t2)) {
                JsonNode request = t.push("user/follow/request/new");
                assertThat(request.get("applicant").asText()).isEqualTo(hex(me));
                assertThat(request.get("request_to").asText()).isEqualTo(hex(target));
                assertThat(request.get("requested_at").asText()).endsWith("Z");
            }
            // asking again changes nothing and tells nobody again
            assertThat(ok(mine.call("user/follow/request/toggle", hex(target), true)).get("requested").asBoolean())
                    .isTrue();
            t1.noPush("user/follow/request/new", Duration.ofMillis(200));
            JsonNode requests = ok(t1.call("user/following/request/get/all")).get("requests");
            assertThat(requests).hasSize(1);
            assertThat(requests.get(0).get("applicant").asText()).isEqualTo(hex(me));

            assertThat(ok(mine.call("user/follow/request/toggle", hex(target), false)).get("requested").asBoolean())
                    .isFalse();
            assertThat(ok(t1.call("user/following/request/get/all")).get("requests")).isEmpty();
            assertThat(failed(mine.call("user/follow/request/toggle", hex(me)), "invalid_argument")).contains("yourself");
            assertThat(failed(mine.call("user/follow/request/toggle", hex(new ObjectId())), "not_found")).isNotBlank();
        }
    }

    @Test
    void aPublicUserIsFollowedAtOnceAndItsTweetsArriveRightAway() {
        ObjectId me = server.user();
        ObjectId star = server.publicUser();
        try (TestClient mine = server.connect(me); TestClient s = server.connect(star)) {
            JsonNode reply = ok(mine.call("user/follow/request/toggle", hex(star)));
            assertThat(reply.get("requested").asBoolean()).isFalse();
            assertThat(reply.get("following").asBoolean()).isTrue();
            s.noPush("user/follow/request/new", Duration.ofMillis(200));
            assertThat(UserStore.follows(server.userDoc(me), star)).isTrue();
            ok(s.call("tweet/add", "for my new follower"));
            assertThat(mine.push("tweet/new").get("context").asText()).isEqualTo("for my new follower");
            assertThat(failed(mine.call("user/follow/request/toggle", hex(star)), "conflict")).contains("already follow");

            ok(mine.call("user/unfollow", hex(star)));
            assertThat(UserStore.follows(server.userDoc(me), star)).isFalse();
            ok(s.call("tweet/add", "after unfollow"));
            mine.noPush("tweet/new", Duration.ofMillis(300));
            assertThat(failed(mine.call("user/unfollow", hex(star)), "not_found")).contains("do not follow");
        }
    }

    @Test
    void acceptingARequestMakesTheApplicantAFollowerOnEverySocket() {
        ObjectId me = server.user();
        ObjectId applicant = server.user();
        try (TestClient mine = server.connect(me); TestClient a1 = server.connect(applicant);
             TestClient a2 = server.connect(applicant)) {
            ok(a1.call("user/follow/request/toggle", hex(me)));
            mine.push("user/follow/request/new");
            assertThat(ok(mine.call("user/follow/request/accept", hex(applicant))).size()).isEqualTo(1);
            for (TestClient a : List.of(a1, a2)) {
                JsonNode accepted = a.push("user/follow/request/accepted");
                assertThat(accepted.get("applicant").asText()).isEqualTo(hex(applicant));
                assertThat(accepted.get("request_to").asText()).isEqualTo(hex(me));
            }
            assertThat(UserStore.follows(server.userDoc(applicant), me)).isTrue();
            assertThat(server.stores().followRequests().find(applicant, me)).isEmpty();
            ok(mine.call("tweet/add", "welcome"));
            assertThat(a1.push("tweet/new").get("context").asText()).isEqualTo("welcome");
            assertThat(a2.push("tweet/new").get("context").asText()).isEqualTo("welcome");
            assertThat(failed(mine.call("user/follow/request/accept", hex(applicant)), "not_found"))
                    .contains("has not asked");
        }
    }

    @Test
    void rejectingARequestDropsIt() {
        ObjectId me = server.user();
        ObjectId applicant = server.user();
        server.stores().followRequests().add(applicant, me, new Date());
        try (TestClient mine = server.connect(me)) {
            ok(mine.call("user/follow/request/reject", hex(applicant)));
            assertThat(server.stores().followRequests().find(applicant, me)).isEmpty();
            assertThat(UserStore.follows(server.userDoc(applicant), me)).isFalse();
            assertThat(failed(mine.call("user/follow/request/reject", hex(applicant)), "not_found")).isNotBlank();
        }
    }

    @Test
    void followRequestsAcrossABlockAreForbidden() {
        ObjectId me = server.user();
        ObjectId blocker = server.user();
        server.block(blocker, me);
        try (TestClient mine = server.connect(me)) {
            assertThat(failed(mine.call("user/follow/request/toggle", hex(blocker)), "forbidden")).contains("blocks you");
            assertThat(server.stores().followRequests().find(me, blocker)).isEmpty();
        }
    }

    @Test
    void lastSeenComesInTheOrderAsked() {
        ObjectId a = server.user();
        ObjectId b = server.user();
        Date seen = new Date(1_660_756_537_718L);
        server.stores().users().setLastSeen(b, seen);
        try (TestClient c = server.connect(a)) {
            JsonNode users = ok(c.call("user/lastSeen/get/array", List.of(hex(b), hex(a), hex(b)))).get("users");
            assertThat(users).hasSize(3);
            assertThat(users.get(0).get("userId").asText()).isEqualTo(hex(b));
            assertThat(users.get(0).get("online").asBoolean()).isFalse();
            assertThat(users.get(0).get("last_seen").asText()).isEqualTo("2022-08-17T17:15:37.718Z");
            assertThat(users.get(1).get("online").asBoolean()).isTrue();
            assertThat(ok(c.call("user/lastSeen/get/array", List.of())).get("users")).isEmpty();
            ObjectId nobody = new ObjectId();
            assertThat(failed(c.call("user/lastSeen/get/array", List.of(hex(a), hex(nobody))), "not_found"))
                    .contains(hex(nobody));
            assertThat(failed(c.call("user/lastSeen/get/array", hex(a)), "invalid_argument")).contains("array");
        }
    }

    @Test
    void publicityIsReadAndSet() {
        ObjectId me = server.user();
        ObjectId other = server.publicUser();
        try (TestClient c = server.connect(me)) {
            JsonNode mine = ok(c.call("user/publicity/get"));
            assertThat(mine.get("userId").asText()).isEqualTo(hex(me));
            assertThat(mine.get("public").asBoolean()).isFalse();
            assertThat(ok(c.call("user/publicity/get", hex(other))).get("public").asBoolean()).isTrue();
            assertThat(ok(c.call("user/publicity/toggle", true)).get("public").asBoolean()).isTrue();
            assertThat(UserStore.isPublic(server.userDoc(me))).isTrue();
            assertThat(ok(c.call("user/publicity/get", (Object) null)).get("public").asBoolean()).isTrue();
            assertThat(ok(c.call("user/publicity/toggle", false)).get("public").asBoolean()).isFalse();
            assertThat(failed(c.call("user/publicity/get", hex(new ObjectId())), "not_found")).isNotBlank();
        }
    }
}
