package dev.switchboard.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Nodes on one real Redis, each with its own backplane, asking each other questions. */
class ClusterRequestsTest {

    static LocalRedis redis;
    static final List<RedisBackplane> backplanes = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = LocalRedis.required();
    }

    @AfterAll
    static void stop() {
        backplanes.forEach(RedisBackplane::close);
        if (redis != null) {
            redis.close();
        }
    }

    static ClusterRequests node(String prefix, String name) {
        RedisBackplane backplane = RedisBackplane.connect(redis.uri(), prefix);
        backplanes.add(backplane);
        ClusterRequests requests = ClusterRequests.over(backplane);
        requests.answer("greet", payload -> TextNode.valueOf(name + " greets " + payload.asText()));
        return requests;
    }

    static List<String> texts(List<JsonNode> answers) {
        return answers.stream().map(JsonNode::asText).toList();
    }

    @Test
    void everyNodeAnswersThisOneFirst() throws Exception {
        ClusterRequests one = node("everyone", "one");
        node("everyone", "two");
        node("everyone", "three");

        List<JsonNode> answers = one.ask("greet", TextNode.valueOf("you")).get(5, TimeUnit.SECONDS);

        assertThat(texts(answers).get(0)).isEqualTo("one greets you");
        assertThat(texts(answers)).containsExactlyInAnyOrder("one greets you", "two greets you", "three greets you");
    }

    @Test
    void aNodeThatDoesNotAnswerIsLeftOutAfterTheTimeout() throws Exception {
        ClusterRequests one = node("silent", "one");
        node("silent", "two");
        ClusterRequests.over(connectSilent("silent")); // listens, answers nothing

        long start = System.nanoTime();
        List<JsonNode> answers = one.ask("greet", TextNode.valueOf("all")).get(5, TimeUnit.SECONDS);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(texts(answers)).containsExactlyInAnyOrder("one greets all", "two greets all");
        assertThat(tookMs).isGreaterThanOrEqualTo(RedisBackplane.COMMAND_TIMEOUT.toMillis() - 100);
    }

    @Test
    void aSingleNodeAnswersAloneAndRefusesUnknownTypes() throws Exception {
        ClusterRequests alone = ClusterRequests.singleNode();
        alone.answer("greet", payload -> TextNode.valueOf("alone greets " + payload.asText()));

        assertThat(texts(alone.ask("greet", TextNode.valueOf("me")).get())).containsExactly("alone greets me");
        assertThat(alone.ask("unknown", TextNode.valueOf("me"))).isCompletedExceptionally();
    }

    static RedisBackplane connectSilent(String prefix) {
        RedisBackplane backplane = RedisBackplane.connect(redis.uri(), prefix);
        backplanes.add(backplane);
        return backplane;
    }
}
