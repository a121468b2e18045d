package dev.switchboard.server.hardening;

import static dev.switchboard.server.harness.Replies.failed;
import static dev.switchboard.server.harness.Replies.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.server.args.Shape;
import dev.switchboard.server.config.ServerConfig;
import dev.switchboard.server.harness.TestClient;
import dev.switchboard.server.harness.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every limit answers with its failure code and a sentence; the connection stays up. */
class LimitsTest {

    @Test
    void eventsOverTheRateAreAnsweredRateLimitedAndTheSocketStaysUp() throws Exception {
        try (TestServer server = TestServer.start(ServerConfig.ephemeral()
                .limits(new ServerConfig.Limits(5, 10, 10)))) {
            TestClient c = server.connect(server.user());
            int oks = 0;
            String refusal = null;
            long started = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                var reply = c.call("user/publicity/get");
                if (reply.path("status").asText().equals("ok")) {
                    oks++;
                } else {
                    refusal = failed(reply, "rate_limited");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(oks).isGreaterThanOrEqualTo(10).isLessThanOrEqualTo(10 + (int) Math.ceil(seconds * 5) + 1);
            assertThat(refusal).startsWith("more than 5 events a second (bursts of 10) from this connection; wait ")
                    .endsWith(" ms and send again");
            failed(c.call("no/such/event"), "rate_limited"); // unknown events count too

            Thread.sleep(400); // two events' worth of refill
            ok(c.call("user/publicity/get"));
            assertThat(c.connected()).isTrue();
        }
    }

    @Test
    void theDefaultRateAdmitsABurstOfOneHundred() {
        assertThat(ServerConfig.Limits.DEFAULT).isEqualTo(new ServerConfig.Limits(50, 100, 10));
        try (TestServer server = TestServer.start(ServerConfig.ephemeral())) {
            TestClient c = server.connect(server.user());
            for (int i = 0; i < 100; i++) {
                ok(c.call("user/publicity/get"));
            }
        }
    }

    @Test
    void argumentsNestedTooDeepOrTooWideAreRefusedWithTheirPath() {
        try (TestServer server = TestServer.start()) {
            TestClient c = server.connect(server.user());
            Map<String, Object> deep = new HashMap<>();
            Map<String, Object> inner = deep;
            for (int i = 0; i < Shape.MAX_DEPTH + 2; i++) {
                Map<String, Object> next = new HashMap<>();
                inner.put("x", next);
                inner = next;
            }
            String error = failed(c.call("tweet/add", Map.of("context", "hi", "extra", deep)), "invalid_argument");
            assertThat(error).startsWith("tweetContext.extra.x.x").endsWith(" nests deeper than 16 levels; no argument"
                    + " needs that");

            List<Integer> wide = new ArrayList<>();
            for (int i = 0; i <= Shape.MAX_ARRAY; i++) {
                wide.add(i);
            }
            assertThat(failed(c.call("user/lastSeen/get/array", wide), "too_large"))
                    .isEqualTo("userIds holds 1001 elements; at most 1000 in one array");

            Map<String, Object> many = new HashMap<>();
            for (int i = 0; i <= Shape.MAX_FIELDS; i++) {
                many.put("f" + i, i);
            }
            assertThat(failed(c.call("message/new", many), "too_large")).isEqualTo("data has 101 fields; at most 100"
                    + " in one object");
            assertThat(failed(c.call("tweet/add", "hi", "extra", List.of(wide)), "too_large"))
                    .isEqualTo("argument 3[0] holds 1001 elements; at most 1000 in one array");

            ok(c.call("tweet/add", Map.of("context", "still here", "extra", Map.of("a", List.of(1, 2)))));
        }
    }

    @Test
    void theImageLimitMustFitTheEnginePayloadOrTheServerDoesNotStart() {
        var tooSmall = ServerConfig.ephemeral().maxImageBytes(3 * 1024 * 1024);
        org.assertj.core.api.Assertions.assertThatThrownBy(tooSmall::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPayload 2097152 cannot carry an image of 3145728 bytes in base64; raise it to at least"
                        + " 4195328");
        ServerConfig fits = ServerConfig.ephemeral().maxImageBytes(3 * 1024 * 1024).maxPayload(4195328).build();
        assertThat(fits.maxImageBytes()).isEqualTo(3 * 1024 * 1024);
    }
}
