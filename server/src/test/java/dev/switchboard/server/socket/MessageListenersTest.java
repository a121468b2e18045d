package dev.switchboard.server.socket;

import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import dev.switchboard.server.store.MessageStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessageListenersTest {

    static final int IMAGE_LIMIT = 3000;
    @RegisterExtension
    static final TestServer server = TestServer.perClass(ServerConfig.ephemeral().maxImageBytes(IMAGE_LIMIT));

    static Map<String, Object> message(ObjectId to, String text) {
        Map<String, Object> data = new HashMap<>();
        data.put("to", to.toHexString());
        data.put("context", Map.of("text", text));
        return data;
    }

    @Test
    void aNewMessageIsStoredWithServerOwnedFieldsAndPushedToEverySocketOfTheRecipient() {
        ObjectId me = server.user();
        ObjectId them = server.user();
        try (TestClient mine = server.connect(me); TestClient theirs1 = server.connect(them);
             TestClient theirs2 = server.connect(them)) {
            Map<String, Object> data = message(them, "  hi there  ");
            data.put("from", them.toHexString());
            data.put("sent_at", "2000-01-01T00:00:00.000Z");
            data.put("seen_at", "2000-01-01T00:00:00.000Z");
            data.put("hack", "ignored");
            Instant before = Instant.now().minusMillis(5);
            JsonNode message = ok(mine.call("message/new", data)).get("message");

            assertThat(message.get("from").asText()).isEqualTo(me.toHexString());
            assertThat(message.get("to").asText()).isEqualTo(them.toHexString());
            assertThat(message.get("context").get("text").asText()).isEqualTo("hi there");
            assertThat(message.get("seen_at").isNull()).isTrue();
            assertThat(message.get("reply_to").isNull()).isTrue();
            assertThat(message.get("sent_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(Instant.parse(message.get("sent_at").asText())).isAfter(before);

            assertThat(theirs1.push("message/send/to")).isEqualTo(message);
            assertThat(theirs2.push("message/send/to")).isEqualTo(message);
            mine.noPush("message/send/to", Duration.ofMillis(200));

            Document stored = server.stores().messages().findById(new ObjectId(message.get("_id").asText()))
                    .orElseThrow();
            assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "from", "to", "reply_to", "context",
                    "sent_at", "seen_at");
            assertThat(stored.getObjectId("from")).isEqualTo(me);
            assertThat(stored.get("seen_at")).isNull();
            assertThat(stored.get("sent_at")).isInstanceOf(Date.class);
        }
    }

    @Test
    void aMessageMayCarryAnImageAndReplyToAMessageOfTheSameConversation() {
        ObjectId me = server.user();
        ObjectId them = server.user();
        ObjectId third = server.user();
        Document earlier = server.stores().messages().add(them, me, "question", null, null, new Date());
        Document elsewhere = server.stores().messages().add(third, me, "other", null, null, new Date());
        try (TestClient mine = server.connect(me)) {
            String image = Base64.getEncoder().encodeToString(new byte[100]);
            Map<String, Object> data = new HashMap<>();
            data.put("to", them.toHexString());
            data.put("context", Map.of("image", image));
            data.put("reply_to", earlier.getObjectId("_id").toHexString());
            JsonNode message = ok(mine.call("message/new", data)).get("message");
            assertThat(message.get("context").get("image").asText()).isEqualTo(image);
            assertThat(message.get("context").get("text").isNull()).isTrue();
            assertThat(message.get("reply_to").asText()).isEqualTo(earlier.getObjectId("_id").toHexString());

            data.put("reply_to", elsewhere.getObjectId("_id").toHexString());
            assertThat(failed(mine.call("message/new", data), "not_found")).contains("not in your conversation");
        }
    }

    @Test
    void aMessageNeedsTextOrImageWithinTheLimits() {
        ObjectId me = server.user();
        ObjectId them = server.user();
        try (TestClient mine = server.connect(me)) {
            assertThat(failed(mine.call("message/new", Map.of("to", them.toHexString(), "context", Map.of())),
                    "invalid_argument")).contains("text or data.context.image");
            assertThat(failed(mine.call("message/new", message(them, "   ")), "invalid_argument"))
                    .contains("text or data.context.image");
            assertThat(failed(mine.call("message/new", message(them, "x".repeat(4097))), "invalid_argument"))
                    .contains("4096");
            ok(mine.call("message/new", message(them, "x".repeat(4096))));
            assertThat(failed(mine.call("message/new", Map.of("to", them.toHexString())), "invalid_argument"))
                    .contains("data.context is required");
            assertThat(failed(mine.call("message/new", Map.of("to", 5, "context", Map.of("text", "x"))),
                    "invalid_argument")).contains("data.to");
            assertThat(failed(mine.call("message/new", "text"), "invalid_argument")).contains("data must be an object");
            String big = Base64.getEncoder().encodeToString(new byte[IMAGE_LIMIT + 1]);
            assertThat(failed(mine.call("message/new", Map.of("to", them.toHexString(),
                    "context", Map.of("image", big))), "too_large")).contains(String.valueOf(IMAGE_LIMIT));
            assertThat(failed(mine.call("message/new", Map.of("to", them.toHexString(),
                    "context", Map.of("image", "@@@@"))), "invalid_argument")).contains("base64");
        }
    }

    @Test
    void aMessageToNobodyOrAcrossABlockFails() {
        ObjectId me = server.user();
        ObjectId blocker = server.user();
        ObjectId blocked = server.user();
        server.block(blocker, me);
        server.block(me, blocked);
        try (TestClient mine = server.connect(me); TestClient blockerClient = server.connect(blocker)) {
            ObjectId nobody = new ObjectId();
            assertThat(failed(mine.call("message/new", message(nobody, "hi")), "not_found"))
                    .contains(nobody.toHexString());
            assertThat(failed(mine.call("message/new", message(blocker, "hi")), "forbidden")).contains("blocks you");
            assertThat(failed(mine.call("message/new", message(blocked, "hi")), "forbidden")).contains("you block");
            blockerClient.noPush("message/send/to", Duration.ofMillis(200));
            assertThat(server.stores().messages().conversation(me, blocker, 0, 10)).isEmpty();
        }
    }

    @Test
    void theConversationComesNewestFirst25APage() {
        ObjectId me = server.user();
        ObjectId them = server.user();
        ObjectId third = server.user();
        for (int i = 0; i < 30; i++) {
            ObjectId from = i % 2 == 0 ? me : them;
            server.stores().messages().add(from, from == me ? them : me, "m" + i, null, null, new Date(1000L * i));
        }
        server.stores().messages().add(third, me, "not in it", null, null, new Date());
        try (TestClient mine = server.connect(me)) {
            JsonNode page1 = ok(mine.call("message/get/all/byPagination", them.toHexString()));
            assertThat(page1.get("page").asInt()).isEqualTo(1);
            assertThat(page1.get("messages")).hasSize(25);
            assertThat(page1.get("messages").get(0).get("context").get("text").asText()).isEqualTo("m29");
            JsonNode page2 = ok(mine.call("message/get/all/byPagination", them.toHexString(), 2));
            assertThat(page2.get("messages")).hasSize(5);
            assertThat(page2.get("messages").get(4).get("context").get("text").asText()).isEqualTo("m0");
            JsonNode nullPage = ok(mine.call("message/get/all/byPagination", them.toHexString(), null));
            assertThat(nullPage.get("page").asInt()).isEqualTo(1);
            assertThat(ok(mine.call("message/get/all/byPagination", them.toHexString(), 3)).get("messages")).isEmpty();
            assertThat(failed(mine.call("message/get/all/byPagination", new ObjectId().toHexString()), "not_found"))
                    .contains("does not exist");
        }
    }

    /** Long enough to be sealed into several buckets: pages still come as one list sorted newest first. */
    @Test
    void aLongConversationIsPagedAsOneListNewestFirstAcrossItsBuckets() {
        ObjectId me = server.user();
        ObjectId them = server.user();
        List<String> stored = new ArrayList<>();
        List<Long> dates = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            long at = 1_000_000L + 1000L * (i / 4) - (i % 97 == 96 ? 60_000 : 0); // four a second, now and then late
            ObjectId from = i % 3 == 0 ? them : me;
            server.stores().messages().add(from, from == me ? them : me, "m" + i, null, null, new Date(at));
            stored.add("m" + i);
            dates.add(at);
        }
        try (TestClient mine = server.connect(me)) {
            for (int i = 520; i < 525; i++) {
                JsonNode sent = ok(mine.call("message/new", message(them, "m" + i))).get("message");
                stored.add("m" + i);
                dates.add(Instant.parse(sent.get("sent_at").asText()).toEpochMilli());
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                order.add(i);
            }
            order.sort((x, y) -> Long.compare(dates.get(y), dates.get(x))); // stable: ties in the order stored
            List<String> expected = order.stream().map(stored::get).toList();
            List<String> paged = new ArrayList<>();
            for (int page = 1; page <= 22; page++) {
                for (JsonNode m : ok(mine.call("message/get/all/byPagination", them.toHexString(), page)).get("messages")) {
                    paged.add(m.get("context").get("text").asText());
                }
            }
            assertThat(paged).isEqualTo(expected);
        }
    }

    @Test
    void seenMarksOnlyTheUnreadMessagesFromThatUserToMe() {
        ObjectId me = server.user();
        ObjectId them = server.user();
        server.stores().messages().add(them, me, "1", null, null, new Date());
        server.stores().messages().add(them, me, "2", null, null, new Date());
        server.stores().messages().add(me, them, "mine", null, null, new Date());
        try (TestClient mine = server.connect(me)) {
            assertThat(mine.push("message/unread/send/all")).hasSize(2);
            assertThat(ok(mine.call("message/seen", them.toHexString())).get("updated").asLong()).isEqualTo(2);
            assertThat(ok(mine.call("message/seen", them.toHexString())).get("updated").asLong()).isZero();
            assertThat(server.stores().messages().unreadTo(them)).hasSize(1);
            assertThat(server.stores().messages().conversation(me, them, 0, 10))
                    .filteredOn(m -> m.getObjectId(MessageStore.TO).equals(me))
                    .allMatch(m -> m.getDate(MessageStore.SEEN_AT) != null);
            assertThat(failed(mine.call("message/seen", new ObjectId().toHexString()), "not_found")).isNotBlank();
        }
        try (TestClient again = server.connect(me)) {
            assertThat(again.push("message/unread/send/all")).isEmpty();
        }
    }
}
