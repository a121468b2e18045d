package dev.switchboard.server.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.harness.LogCapture;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * A client cannot forge or flood lines of the server log, nor make the server echo what it sent
 * whole: client text is escaped and capped in logs and replies, repeated failures are folded.
 */
class LogSafetyTest {

    static final String FORGED = "\n2099-01-01T00:00:00.000Z [main] ERROR dev.switchboard.Forged - injected";

    @Test
    void unknownEventsWithNewlinesAndHugeNamesAreEscapedCappedAndFolded() {
        try (TestServer server = TestServer.start(ServerConfig.ephemeral().limits(TestServer.UNHURRIED));
             LogCapture log = new LogCapture()) {
            ObjectId me = server.user();
            TestClient client = server.connect(me);
            String hugeName = "nope" + FORGED + "x".repeat(512 * 1024);
            for (int i = 0; i < 20; i++) {
                JsonNode reply = client.call(hugeName + i);
                assertThat(reply.get("status").asText()).isEqualTo("not_found");
                assertThat(reply.get("error").asText()).hasSizeLessThan(300).doesNotContain("\n")
                        .startsWith("no listener for nope\\n2099-01-01T00:00:00.000Z");
            }
            JsonNode bad = client.call("user/profile/get", "abc" + FORGED);
            assertThat(bad.get("status").asText()).isEqualTo("invalid_argument");

            String out = String.join("\n", log.lines());
            assertThat(out.lines()).noneMatch(line -> line.startsWith("2099-01-01"));
            assertThat(out.length()).as("bytes logged for 21 failures").isLessThan(4_000);
            assertThat(log.matching("Listener error: nope")).singleElement().asString()
                    .contains("Error: no listener for nope\\n2099-01-01T00:00:00.000Z").contains("…(+");
            assertThat(out).contains("user/profile/get User-id: " + me.toHexString());
        }
    }

    @Test
    void aHugeForgedTokenHeaderIsNeitherEchoedNorLogged() {
        try (TestServer server = TestServer.start(ServerConfig.ephemeral()); LogCapture log = new LogCapture()) {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String alg = "HS256" + FORGED + "a".repeat(1_000_000);
            String header = "{\"alg\":\"" + alg.replace("\n", "\\n") + "\"}";
            String token = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString("{\"user_id\":\"63021602091fa84d91c8e9bf\"}".getBytes(StandardCharsets.UTF_8))
                    + ".c2ln";
            String refused = server.connectError(Map.of("accessToken", token));
            assertThat(refused).isEqualTo("authentication: token algorithm named in its header is not accepted:"
                    + " only HS256 signed with the server's secret");
            String nonNumericExp = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString("{\"user_id\":\"63021602091fa84d91c8e9bf\",\"exp\":\"soon\"}"
                    .getBytes(StandardCharsets.UTF_8)) + ".c2ln";
            assertThat(server.connectError(Map.of("accessToken", nonNumericExp)))
                    .isEqualTo("authentication: token claim exp must be a number of seconds since 1970-01-01"
                            + " (a JWT NumericDate)");
            String out = String.join("\n", log.lines());
            assertThat(out.lines()).noneMatch(line -> line.startsWith("2099-01-01"));
            assertThat(out.length()).isLessThan(4_000);
        }
    }

    @Test
    void aDatabaseClientThatResetsItsConnectionIsNotAnError() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.ephemeral()); LogCapture log = new LogCapture()) {
            URI db = URI.create(server.server().mongoUri());
            try (Socket tcp = new Socket()) {
                tcp.connect(new InetSocketAddress(db.getHost(), db.getPort()));
                tcp.getOutputStream().write(new byte[] {16, 0, 0, 0}); // part of a message header
                tcp.setSoLinger(true, 0); // close with a reset, like a killed client
            }
            Thread.sleep(300);
            assertThat(String.join("\n", log.lines())).doesNotContain("Connection reset").doesNotContain("ERROR");
        }
    }
}
