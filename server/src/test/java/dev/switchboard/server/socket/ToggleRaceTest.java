package dev.switchboard.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.TweetStore;
import dev.switchboard.server.store.UserStore;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Twenty toggles of one user fired at once from several of their sockets: each must flip the state once, so
 * the replies, in the order the server applied them, alternate; then from the initial state the counts of
 * "on" and "off" answers differ by at most one, and the stored state is the one the last flip left.
 */
class ToggleRaceTest {

    static final int SOCKETS = 5;
    static final int TOGGLES = 20;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** Fires {@link #TOGGLES} calls spread over the user's sockets, all before any reply, and collects the replies. */
    static List<JsonNode> fireAtOnce(ObjectId user, String event, String arg) throws Exception {
        return fireAtOnce(server, user, event, arg, TOGGLES);
    }

    static List<JsonNode> fireAtOnce(ObjectId user, String event, String arg, int toggles) throws Exception {
        return fireAtOnce(server, user, event, arg, toggles);
    }

    /** As {@link #fireAtOnce(ObjectId, String, String)}, on another test's server. */
    static List<JsonNode> fireAtOnce(TestServer server, ObjectId user, String event, String arg, int toggles)
            throws Exception {
        List<TestClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < SOCKETS; i++) {
                sockets.add(server.connect(user));
            }
            List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
            for (int i = 0; i < toggles; i++) {
                replies.add(sockets.get(i % SOCKETS).callAsync(event, arg));
            }
            List<JsonNode> out = new ArrayList<>();
            for (CompletableFuture<JsonNode> r : replies) {
                out.add(r.get(10, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            sockets.forEach(TestClient::close);
        }
    }

    /** The number of "on" answers minus "off" answers; each answer an {@code ok}. */
    static long onMinusOff(List<JsonNode> replies, String field) {
        long on = 0;
        for (JsonNode r : replies) {
            assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("ok");
            on += r.get(field).asBoolean() ? 1 : -1;
        }
        return on;
    }

    @Test
    void concurrentLikeTogglesOfOneUserTellASerialStory() throws Exception {
        ObjectId owner = server.publicUser();
        ObjectId me = server.user();
        ObjectId other = server.user();
        ObjectId tweet = server.stores().tweets().add(owner, "race me", new Date()).getObjectId("_id");
        try (TestClient o = server.connect(other)) {
            assertThat(o.call("tweet/like/toggle", tweet.toHexString()).get("liked").asBoolean()).isTrue();
        }
        for (int round = 0; round < 3; round++) {
            boolean likedBefore = TweetStore.likes(server.stores().tweets().findById(tweet).orElseThrow()).contains(me);
            List<JsonNode> replies = fireAtOnce(me, "tweet/like/toggle", tweet.toHexString());
            long balance = onMinusOff(replies, "liked");
            // twenty alternating flips, from either state, are ten likes and ten unlikes
            assertThat(balance).as("likes minus unlikes in %s", replies).isZero();
            for (JsonNode r : replies) {
                // the other user's like stays; mine is counted exactly when the reply says liked
                assertThat(r.get("likes").asInt()).as(r.toString()).isEqualTo(r.get("liked").asBoolean() ? 2 : 1);
            }
            boolean likedAfter = TweetStore.likes(server.stores().tweets().findById(tweet).orElseThrow()).contains(me);
            assertThat(likedAfter).isEqualTo(likedBefore);
        }
    }

    @Test
    void concurrentBlockTogglesOfOneUserTellASerialStory() throws Exception {
        ObjectId me = server.user();
        ObjectId target = server.user();
        List<JsonNode> replies = fireAtOnce(me, "user/block/toggle", target.toHexString());
        assertThat(onMinusOff(replies, "blocked")).as("blocks minus unblocks in %s", replies).isZero();
        assertThat(UserStore.blocks(server.userDoc(me), target)).isFalse();
        assertThat(UserStore.entries(server.userDoc(me), UserStore.BLOCK)).isEmpty();
        assertThat(server.stores().users().blockerIds(target)).isEmpty();

        // an odd number of flips from "not blocked" ends blocked, with exactly one entry on each side
        List<JsonNode> odd = fireAtOnce(me, "user/block/toggle", target.toHexString(), TOGGLES + 1);
        assertThat(onMinusOff(odd, "blocked")).as("blocks minus unblocks in %s", odd).isEqualTo(1);
        assertThat(UserStore.entries(server.userDoc(me), UserStore.BLOCK)).hasSize(1);
        assertThat(server.stores().users().blockerIds(target)).containsExactly(me);
    }
}
