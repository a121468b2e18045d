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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

/**
 * Far more calls at once than the workers can run within the queue budget: every call is answered, each
 * either run ({@code ok}) or refused with {@code unavailable} and a retry hint, a refused call wrote nothing, once
 * the server is saturated calls are refused as they arrive (their replies overtake calls queued before them), and
 * once the flood is over a call retried after the hint runs again.
 */
class OverloadTest {

    static final int SOCKETS = 3;
    /** Calls from each socket in one wave, sent as fast as the client sends them, 5 ms between waves. */
    static final int CALLS_PER_WAVE = 50;
    static final Duration FLOOD_LIMIT = Duration.ofSeconds(8);

    @Test
    void aFloodIsAnsweredUnavailableInsteadOfTimingOut() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.ephemeral().limits(TestServer.UNHURRIED)
                // long enough that the calls let in (judged to wait under half of it) are not shed for waiting over
                // it when the machine stalls for a few milliseconds, so they run after the refusals that overtook them
                .queueBudget(Duration.ofMillis(50)))) {
            ObjectId me = server.user();
            List<TestClient> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < SOCKETS; i++) {
                    sockets.add(server.connect(me));
                }
                // the order each socket's replies came back in: one socket's calls run one at a time, in order
                List<Map<CompletableFuture<JsonNode>, Integer>> answeredAs = new ArrayList<>();
                List<List<CompletableFuture<JsonNode>>> sent = new ArrayList<>();
                for (int i = 0; i < SOCKETS; i++) {
                    answeredAs.add(new ConcurrentHashMap<>());
                    sent.add(new ArrayList<>());
                }
                AtomicInteger order = new AtomicInteger();
                List<CompletableFuture<JsonNode>> replies = new ArrayList<>();
                // an unbroken flood: the server must first prove itself saturated (waits over the budget for three
                // budgets), and only the calls arriving after that are judged as they arrive; how soon that comes
                // depends on the machine, so the flood goes on until a refusal has overtaken a queued call
                long floodEnds = System.nanoTime() + FLOOD_LIMIT.toNanos();
                for (int wave = 1; System.nanoTime() < floodEnds; wave++) {
                    for (int n = 0; n < CALLS_PER_WAVE; n++) {
                        for (int i = 0; i < SOCKETS; i++) {
                            CompletableFuture<JsonNode> reply = sockets.get(i).callAsync("tweet/add", "flood " + n);
                            Map<CompletableFuture<JsonNode>, Integer> answered = answeredAs.get(i);
                            // completes once its order is recorded
                            replies.add(reply.whenComplete((r, e) -> answered.put(reply, order.incrementAndGet())));
                            sent.get(i).add(reply);
                        }
                    }
                    if (wave % 10 == 0 && refusedBeforeQueueing(sent, answeredAs) > 0) {
                        break;
                    }
                    Thread.sleep(5);
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
                assertThat(refusedBeforeQueueing(sent, answeredAs))
                        .as("refusals answered ahead of calls sent earlier on their socket and run: refused as they"
                                + " arrived, not after waiting their turn").isPositive();
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

    /** Refused calls whose reply came before that of an earlier call of the same socket that ran (of those answered). */
    private static int refusedBeforeQueueing(List<List<CompletableFuture<JsonNode>>> sent,
                                            List<Map<CompletableFuture<JsonNode>, Integer>> answeredAs) {
        int overtaking = 0;
        for (int i = 0; i < sent.size(); i++) {
            int latestRunSoFar = 0; // the latest answer among the calls sent before, that ran
            for (CompletableFuture<JsonNode> call : sent.get(i)) {
                Integer answered = answeredAs.get(i).get(call);
                if (answered == null) {
                    continue; // not answered yet (or its order not yet recorded)
                }
                boolean refused = call.join().get("status").asText().equals("unavailable");
                if (refused && answered < latestRunSoFar) {
                    overtaking++;
                } else if (!refused) {
                    latestRunSoFar = Math.max(latestRunSoFar, answered);
                }
            }
        }
        return overtaking;
    }
}
