package dev.switchboard.server.overload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * Far more calls at once than the workers can run within the queue budget: every call is answered, each
 * either run ({@code ok}) or refused at once with {@code unavailable} and a retry hint, a refused call wrote
 * nothing, and once the flood is over a call retried after the hint runs again.
 */
class OverloadTest {

    static final int SOCKETS = 3;
    static final int CALLS_PER_SOCKET = 1000;

    @Test
    void aFloodIsAnsweredUnavailableInsteadOfTimingOut() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.ephemeral().limits(TestServer.UNHURRIED)
                .queueBudget(Duration.ofMillis(10)))) {
            ObjectId me = server.user();
            List<TestClient> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < SOCKETS; i++) {
                    sockets.add(server.connect(me));
                }
                List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
                for (int n = 0; n < CALLS_PER_SOCKET; n++) {
                    for (TestClient s : sockets) {
                        replies.add(s.callAsync("tweet/add", "flood " + n));
                    }
                }
                Map<String, Integer> byStatus = new HashMap<>();
                JsonNode refusal = null;
                for (CompletableFuture<JsonNode> r : replies) {
                    JsonNode reply = r.get(20, TimeUnit.SECONDS);
                    String status = reply.get("status").asText();
                    byStatus.merge(status, 1, Integer::sum);
                    if (status.equals("unavailable")) {
                        refusal = reply;
                    }
                }
                assertThat(byStatus.keySet()).as("statuses %s", byStatus).containsOnly("ok", "unavailable");
                assertThat(byStatus.get("unavailable")).as("refused, of %s", byStatus).isPositive();
                assertThat(byStatus.get("ok")).as("run, of %s", byStatus).isPositive();
                assertThat(refusal.get("retry_after_ms").asLong()).isPositive();
                assertThat(refusal.get("error").asText()).contains("over capacity").contains("tweet/add");
                long stored = server.stores().tweets().collection().countDocuments(new Document("owner", me));
                assertThat(stored).as("tweets stored = calls answered ok").isEqualTo(byStatus.get("ok").longValue());

                // the client does what the hint says; within a few retries the call runs again
                JsonNode after = refusal;
                for (int attempt = 0; attempt < 5 && after.get("status").asText().equals("unavailable"); attempt++) {
                    Thread.sleep(after.get("retry_after_ms").asLong());
                    after = sockets.get(0).call("tweet/add", "after the flood");
                }
                assertThat(after.get("status").asText()).isEqualTo("ok");
            } finally {
                sockets.forEach(TestClient::close);
            }
        }
    }
}
