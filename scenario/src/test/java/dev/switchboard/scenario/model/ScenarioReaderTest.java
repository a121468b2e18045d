package dev.switchboard.scenario.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

    private static final String JSON = """
            {"name": "n", "fixture": {"generated": {"users": 20, "seed": 7}},
             "actors": {"a": {"pick": "any"}, "b": {"user": "63021602091fa84d91c8e9bf", "sockets": 2}},
             "steps": [{"connect": "a"}, {"emit": "tweet/add", "as": "a", "args": ["x"], "expect": {"status": "ok"},
                        "capture": {"t": "tweet._id"}},
                       {"expectPush": "tweet/new", "on": "b", "within": 500}, {"wait": 10}, {"disconnect": "a"}]}
            """;

    private static final String YAML = """
            name: n
            fixture:
              generated: {users: 20, seed: 7}
            actors:
              a: {pick: any}
              b: {user: 63021602091fa84d91c8e9bf, sockets: 2}
            steps:
              - connect: a
              - emit: tweet/add
                as: a
                args: [x]
                expect: {status: ok}
                capture: {t: tweet._id}
              - {expectPush: tweet/new, on: b, within: 500}
              - wait: 10
              - disconnect: a
            """;

    @Test
    void jsonAndYamlReadTheSameAndWriteBack() throws Exception {
        Scenario fromJson = ScenarioReader.parse(JSON, "s.json", false);
        Scenario fromYaml = ScenarioReader.parse(YAML, "s.yaml", true);
        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat(fromJson.fixture()).isEqualTo(new Fixture.Generated(20, 7, 10));
        assertThat(fromJson.picksUsers()).isTrue();
        assertThat(fromJson.steps().get(2)).isEqualTo(new Step.ExpectPush("tweet/new", "b", null, null, 500));
        Scenario again = ScenarioReader.parse(ScenarioWriter.toJson(fromJson), "again.json", false);
        assertThat(again).isEqualTo(fromJson);
    }

    @Test
    void reportsEveryProblemWithWhereItIs() {
        String bad = """
                {"actors": {"a": {"user": "nope"}, "b": {}},
                 "steps": [{"connect": "c"}, {"emit": "x"}, {"wait": -1}, {"conect": "a"}, {"connect": "a", "foo": 1}]}
                """;
        assertThatThrownBy(() -> ScenarioReader.parse(bad, "bad.json", false))
                .isInstanceOfSatisfying(ScenarioFormatException.class, e -> assertThat(e.problems()).containsExactly(
                        "actors.a.user must be a 24-hex-digit id, not \"nope\"",
                        "actors.b needs exactly one of user, token, pick",
                        "steps[0] (connect): 'connect' names no actor: c (actors: a, b)",
                        "steps[1] (emit): 'as' must name an actor",
                        "steps[2] (wait): 'wait' must be milliseconds from 0 to 600000, not -1",
                        "steps[3] must have exactly one of connect, disconnect, emit, expectNoPush, expectPush, wait",
                        "steps[4] (connect): unknown key 'foo' (known: connect, expectError)"));
        assertThatThrownBy(() -> ScenarioReader.parse("{\"name\": ", "broken.json", false))
                .hasMessageContaining("broken.json: not valid JSON").hasMessageContaining("line 1");
    }
}
