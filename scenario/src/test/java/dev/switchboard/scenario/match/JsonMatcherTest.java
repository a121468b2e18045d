package dev.switchboard.scenario.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.scenario.model.ScenarioReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonMatcherTest {

    private static JsonNode json(String text) {
        try {
            return ScenarioReader.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<Mismatch> match(String expected, String actual) {
        return JsonMatcher.match(json(expected), json(actual));
    }

    @Test
    void comparesOnlyTheKeysTheExpectationNames() {
        assertThat(match("{\"status\":\"ok\",\"message\":{\"context\":{\"text\":\"hi\"}}}",
                "{\"status\":\"ok\",\"message\":{\"_id\":\"x\",\"context\":{\"text\":\"hi\",\"image\":null}}}"))
                .isEmpty();
    }

    @Test
    void namesThePathAndBothValuesOfADifference() {
        List<Mismatch> m = match("{\"message\":{\"context\":{\"text\":\"hi\"}}}",
                "{\"message\":{\"context\":{\"text\":\"hello\"}}}");
        assertThat(m).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("message.context.text");
            assertThat(x.why()).isEqualTo("expected \"hi\", got \"hello\"");
        });
    }

    @Test
    void aMissingKeyIsADifference() {
        assertThat(match("{\"liked\":true}", "{\"status\":\"ok\"}")).singleElement()
                .satisfies(x -> assertThat(x.why()).contains("missing"));
    }

    @Test
    void arraysCompareElementByElementAndByLength() {
        assertThat(match("[{\"id\":1},{\"id\":2}]", "[{\"id\":1,\"x\":0},{\"id\":2}]")).isEmpty();
        assertThat(match("[{\"id\":1}]", "[{\"id\":1},{\"id\":2}]")).singleElement()
                .satisfies(x -> assertThat(x.why()).contains("expected 1 elements, got 2"));
        assertThat(match("{\"a\":[1,2]}", "{\"a\":[2,1]}")).extracting(Mismatch::path).containsExactly("a[0]", "a[1]");
    }

    @Test
    void containsFindsEachExpectedElementAnywhere() {
        assertThat(match("{\"users\":{\"$contains\":[{\"id\":\"b\"},{\"id\":\"a\"}]}}",
                "{\"users\":[{\"id\":\"a\"},{\"id\":\"c\"},{\"id\":\"b\"}]}")).isEmpty();
        assertThat(match("{\"users\":{\"$contains\":{\"id\":\"z\"}}}", "{\"users\":[{\"id\":\"a\"}]}")).hasSize(1);
        // two expected elements need two distinct received ones
        assertThat(match("{\"$contains\":[1,1]}", "[1,2]")).hasSize(1);
    }

    @Test
    void looseMatchers() {
        assertThat(match("{\"a\":{\"$any\":true}}", "{\"a\":null}")).isEmpty();
        assertThat(match("{\"a\":{\"$any\":true}}", "{}")).hasSize(1);
        assertThat(match("{\"hashPassword\":{\"$absent\":true}}", "{\"name\":\"x\"}")).isEmpty();
        assertThat(match("{\"hashPassword\":{\"$absent\":true}}", "{\"hashPassword\":\"h\"}")).hasSize(1);
        assertThat(match("{\"_id\":{\"$type\":\"id\"}}", "{\"_id\":\"63021602091fa84d91c8e9bf\"}")).isEmpty();
        assertThat(match("{\"_id\":{\"$type\":\"id\"}}", "{\"_id\":\"6302\"}")).hasSize(1);
        assertThat(match("{\"at\":{\"$type\":\"date\"}}", "{\"at\":\"2022-08-17T17:15:37.718Z\"}")).isEmpty();
        assertThat(match("{\"n\":{\"$type\":\"integer\"}}", "{\"n\":2.5}")).hasSize(1);
        assertThat(match("{\"n\":{\"$type\":\"nonsense\"}}", "{\"n\":2}")).singleElement()
                .satisfies(x -> assertThat(x.why()).contains("unknown $type"));
        assertThat(match("{\"error\":{\"$regex\":\"^no listener\"}}", "{\"error\":\"no listener for x\"}")).isEmpty();
        assertThat(match("{\"error\":{\"$regex\":\"blocks\"}}", "{\"error\":\"not found\"}")).hasSize(1);
        assertThat(match("{\"error\":{\"$regex\":\"(\"}}", "{\"error\":\"x\"}")).singleElement()
                .satisfies(x -> assertThat(x.why()).contains("bad $regex"));
    }

    @Test
    void numbersCompareByValue() {
        assertThat(match("{\"likes\":1}", "{\"likes\":1.0}")).isEmpty();
        assertThat(match("{\"likes\":1}", "{\"likes\":\"1\"}")).hasSize(1);
    }

    @Test
    void substitutesCapturesWholeOrInsideText() throws Exception {
        Variables v = new Variables();
        v.put("msg", TextNode.valueOf("630217b5f2a6d4c8e1b70c01"));
        v.put("n", json("3"));
        JsonNode out = v.substitute(json("{\"_id\":\"${msg}\",\"count\":\"${n}\",\"text\":\"id ${msg}!\"}"));
        assertThat(out.get("_id").asText()).isEqualTo("630217b5f2a6d4c8e1b70c01");
        assertThat(out.get("count").isNumber()).isTrue();
        assertThat(out.get("text").asText()).isEqualTo("id 630217b5f2a6d4c8e1b70c01!");
        assertThatThrownBy(() -> v.substitute(json("[\"${nope}\"]")))
                .isInstanceOf(Variables.UnknownVariableException.class).hasMessageContaining("'nope'")
                .hasMessageContaining("msg, n");
    }

    @Test
    void pathsReachIntoArrays() {
        JsonNode ack = json("{\"tweets\":[{\"_id\":\"a\"},{\"_id\":\"b\"}]}");
        assertThat(JsonPaths.get(ack, "tweets.1._id").asText()).isEqualTo("b");
        assertThat(JsonPaths.get(ack, "tweets[0]._id").asText()).isEqualTo("a");
        assertThat(JsonPaths.get(ack, "tweets.5._id").isMissingNode()).isTrue();
    }
}
