package dev.switchboard.server.socket;

import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.fixture.CancellationToken;
import dev.switchboard.server.fixture.DocumentedFixture;
import dev.switchboard.server.fixture.FixtureSpec;
import dev.switchboard.server.fixture.ProgressListener;
import dev.switchboard.server.fixture.Seeder;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The documented examples of docs/protocol.md, as seeded by the fixtures, work with the example token. */
class DocumentedFixtureTest {

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @BeforeAll
    static void seed() {
        Seeder.seed(FixtureSpec.documented(), server.server().database().mongo(), ProgressListener.NONE,
                new CancellationToken());
    }


    @Test
    void johnSnowConnectsWithTheExampleTokenAndSeesTheDocumentedWorld() {
        try (TestClient john = TestClient.connectTo(server.url(), DocumentedFixture.exampleToken())) {
            JsonNode chatList = john.push("user/chatList/send/all");
            assertThat(chatList.toString()).contains(DocumentedFixture.KIA_ATRI.toHexString());
            JsonNode home = john.push("tweet/send/byPagination");
            JsonNode example = null;
            for (JsonNode t : home) {
                if (t.get("_id").asText().equals(DocumentedFixture.EXAMPLE_TWEET.toHexString())) {
                    example = t;
                }
            }
            assertThat(example).as("the example tweet in john's home timeline: %s", home).isNotNull();
            assertThat(example.get("context").asText()).isEqualTo("im tweeting! brah");
            assertThat(example.get("sent_at").asText()).isEqualTo("2022-08-17T17:15:37.718Z");
            assertThat(example.get("userLiked").asBoolean()).isTrue();

            JsonNode profile = ok(john.call("user/profile/get")).get("profile");
            assertThat(profile.get("username").asText()).isEqualTo("jhonsnow");
            assertThat(profile.has("hashPassword")).isFalse();
            JsonNode requests = ok(john.call("user/following/request/get/all")).get("requests");
            assertThat(requests.toString()).contains(DocumentedFixture.SANSA_STARK.toHexString());
            assertThat(ok(john.call("user/block/get/all")).get("block").toString())
                    .contains(DocumentedFixture.RAMSAY_BOLTON.toHexString());
            JsonNode unliked = ok(john.call("tweet/like/toggle", DocumentedFixture.EXAMPLE_TWEET.toHexString()));
            assertThat(unliked.get("liked").asBoolean()).isFalse();
            assertThat(failed(john.call("message/new", java.util.Map.of("to",
                    DocumentedFixture.RAMSAY_BOLTON.toHexString(), "context", java.util.Map.of("text", "hi"))),
                    "forbidden")).contains("you block");
        }
    }
}
