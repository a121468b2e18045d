package dev.switchboard.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.MessageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Twenty {@code message/seen} of one user fired at once from several sockets while the other user keeps sending:
 * on the embedded database the read mark moves under this node's lock of the pair, and every message must be
 * counted by exactly one reply, none left unseen and none counted twice.
 */
class SeenRaceTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void concurrentSeenCallsCountEveryMessageOnceWhileMessagesArrive() throws Exception {
        ObjectId me = server.user();
        ObjectId them = server.user();
        int rounds = 4;
        int perRound = 15;
        long counted = 0;
        try (TestClient sender = server.connect(them)) {
            for (int round = 0; round < rounds; round++) {
                List<CompletableFuture<JsonNode>> sends = new ArrayList<>();
                for (int i = 0; i < perRound; i++) {
                    sends.add(sender.callAsync("message/new", Map.of("to", me.toHexString(),
                            "context", Map.of("text", round + ":" + i))));
                }
                List<JsonNode> seen = ToggleRaceTest.fireAtOnce(server, me, "message/seen", them.toHexString(), 20);
                for (CompletableFuture<JsonNode> s : sends) {
                    assertThat(s.get(10, TimeUnit.SECONDS).get("status").asText()).isEqualTo("ok");
                }
                for (JsonNode reply : seen) {
                    assertThat(reply.get("status").asText()).as(reply.toString()).isEqualTo("ok");
                    counted += reply.get("updated").asLong();
                }
            }
        }
        try (TestClient mine = server.connect(me)) {
            counted += mine.call("message/seen", them.toHexString()).get("updated").asLong();
            assertThat(counted).isEqualTo((long) rounds * perRound);
            assertThat(server.stores().messages().conversation(me, them, 0, 100)).hasSize(rounds * perRound)
                    .allMatch(m -> m.getDate(MessageStore.SEEN_AT) != null);
        }
        try (TestClient again = server.connect(me)) {
            assertThat(again.push("message/unread/send/all")).isEmpty();
        }
    }
}
