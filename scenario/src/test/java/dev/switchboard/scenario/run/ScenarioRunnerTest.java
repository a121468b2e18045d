package dev.switchboard.scenario.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.model.ScenarioReader;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runner over real sockets against the real server on the embedded database, documented fixture. */
class ScenarioRunnerTest {

    static final String JOHN = "63021602091fa84d91c8e9bf";
    static final String KIA = "62fc0c0c2b83bd50cb5fef05";
    static final String RAMSAY = "62f69f02c4d8e5a7b3f1c922";

    private static SwitchboardServer server;
    private static RunTarget target;

    @BeforeAll
    static void start() {
        server = SwitchboardServer.start(ServerConfig.ephemeral().build());
        target = new RunTarget(server.socketIoUrl(), new Jwt(server.config().jwtSecret()), server.database().mongo());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Scenario scenario(String steps) throws Exception {
        return ScenarioReader.parse("""
                {"name": "t", "fixture": "documented",
                 "actors": {"john": {"user": "%s"}, "kia": {"user": "%s", "sockets": 2}, "ramsay": {"user": "%s"},
                            "eve": {"token": "not-a-jwt"}},
                 "steps": [%s]}
                """.formatted(JOHN, KIA, RAMSAY, steps), "t.json", false);
    }

    static final String JOHN_MESSAGES_KIA = """
            {"connect": "john"}, {"connect": "kia"}, {"connect": "ramsay"},
            {"emit": "message/new", "as": "john", "args": [{"to": "${kia.id}", "context": {"text": "hi"}}],
             "expect": {"status": "ok", "message": {"_id": {"$type": "id"}, "context": {"text": "hi"}}},
             "capture": {"msg": "message._id"}},
            {"expectPush": "message/send/to", "on": "kia", "match": {"_id": "${msg}", "from": "${john.id}"}},
            {"expectNoPush": "message/send/to", "on": "ramsay", "within": 200}
            """;

    @Test
    void aUsersTwoSocketsGetTheMessageAndTheBlockedUserNothing() throws Exception {
        Scenario s = scenario(JOHN_MESSAGES_KIA + ", {\"connect\": \"eve\", \"expectError\": \"authentication\"}");
        ScenarioResult first = new ScenarioRunner(target, RunListener.NONE).run(s, "t.json");
        assertThat(first.passed()).as(describe(first)).isTrue();
        // both of kia's sockets got their own push, and the run seeded the fixture before starting
        assertThat(first.frames()).filteredOn(f -> f.kind() == RunFrame.Kind.PUSH && f.event().equals("message/send/to"))
                .extracting(RunFrame::socketLabel).containsExactlyInAnyOrder("kia#1", "kia#2");
        // and again on the same database: captures, not fixed ids, name what the run created
        ScenarioResult second = new ScenarioRunner(target, RunListener.NONE).run(s, "t.json");
        assertThat(second.passed()).as(describe(second)).isTrue();
    }

    @Test
    void aWrongExpectationFailsWithTheDifferenceAndSkipsTheRest() throws Exception {
        Scenario s = scenario("""
                {"connect": "john"},
                {"emit": "message/new", "as": "john", "args": [{"to": "%s", "context": {"text": "hi"}}],
                 "expect": {"status": "ok", "message": {"context": {"text": "bye"}}}},
                {"disconnect": "john"}
                """.formatted(KIA));
        ScenarioResult r = new ScenarioRunner(target, RunListener.NONE).run(s, "t.json");
        assertThat(r.passed()).isFalse();
        StepResult failed = r.steps().get(1);
        assertThat(failed.failure()).isEqualTo(FailureKind.ACK_MISMATCH);
        assertThat(failed.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.path()).isEqualTo("message.context.text");
            assertThat(m.why()).isEqualTo("expected \"bye\", got \"hi\"");
        });
        assertThat(failed.received().path("message").path("from").asText()).isEqualTo(JOHN);
        assertThat(failed.frames()).extracting(f -> f.kind() + " " + f.event())
                .contains("EMIT message/new", "ACK message/new");
        assertThat(r.steps().get(2).outcome()).isEqualTo(StepResult.Outcome.SKIPPED);
    }

    @Test
    void aPushWhereNoneIsExpectedFails() throws Exception {
        Scenario s = scenario("""
                {"connect": "john"}, {"connect": "kia"},
                {"emit": "message/new", "as": "john", "args": [{"to": "%s", "context": {"text": "hi"}}]},
                {"expectNoPush": "message/send/to", "on": "kia", "within": 2000}
                """.formatted(KIA));
        ScenarioResult r = new ScenarioRunner(target, RunListener.NONE).run(s, "t.json");
        StepResult last = r.steps().get(3);
        assertThat(last.failure()).isEqualTo(FailureKind.UNEXPECTED_PUSH);
        assertThat(last.received().path("context").path("text").asText()).isEqualTo("hi");
        // it failed when the push came, not after waiting the whole time
        assertThat(last.durationMillis()).isLessThan(1500);
    }

    @Test
    void aPushThatNeverComesOrDiffersFails() throws Exception {
        Scenario missing = scenario("""
                {"connect": "john"}, {"connect": "ramsay"},
                {"emit": "message/new", "as": "ramsay", "args": [{"to": "%s", "context": {"text": "x"}}],
                 "expect": {"status": "forbidden"}},
                {"expectPush": "message/send/to", "on": "john", "within": 300}
                """.formatted(JOHN));
        StepResult r = new ScenarioRunner(target, RunListener.NONE).run(missing, "t.json").steps().get(3);
        assertThat(r.failure()).isEqualTo(FailureKind.PUSH_MISSING);
        assertThat(r.message()).contains("john#1 received no message/send/to within 300 ms");

        Scenario differs = scenario("""
                {"connect": "john"}, {"connect": "kia"},
                {"emit": "message/new", "as": "john", "args": [{"to": "%s", "context": {"text": "hi"}}]},
                {"expectPush": "message/send/to", "on": "kia", "match": {"context": {"text": "other"}}, "within": 500}
                """.formatted(KIA));
        StepResult d = new ScenarioRunner(target, RunListener.NONE).run(differs, "t.json").steps().get(3);
        assertThat(d.failure()).isEqualTo(FailureKind.PUSH_MISMATCH);
        assertThat(d.mismatches()).extracting(m -> m.path()).containsExactly("context.text");
    }

    @Test
    void aRefusedConnectionFailsUnlessExpectedAndTheReasonMustMatch() throws Exception {
        StepResult refused = new ScenarioRunner(target, RunListener.NONE)
                .run(scenario("{\"connect\": \"eve\"}"), "t.json").steps().get(0);
        assertThat(refused.failure()).isEqualTo(FailureKind.CONNECT_REFUSED);
        assertThat(refused.message()).contains("authentication");
        StepResult wrongReason = new ScenarioRunner(target, RunListener.NONE)
                .run(scenario("{\"connect\": \"eve\", \"expectError\": \"socketsPerUser\"}"), "t.json").steps().get(0);
        assertThat(wrongReason.failure()).isEqualTo(FailureKind.CONNECT_REFUSED);
        assertThat(wrongReason.received().asText()).contains("authentication");
        StepResult connected = new ScenarioRunner(target, RunListener.NONE)
                .run(scenario("{\"connect\": \"john\", \"expectError\": \"authentication\"}"), "t.json").steps().get(0);
        assertThat(connected.failure()).isEqualTo(FailureKind.CONNECT_ERROR_MISSING);
    }

    @Test
    void pickedActorsGetDistinctUsersFromTheDatabase() throws Exception {
        Scenario s = ScenarioReader.parse("""
                {"name": "p", "fixture": {"generated": {"users": 20, "seed": 3}},
                 "actors": {"a": {"pick": "any"}, "b": {"pick": "any"}},
                 "steps": [{"connect": "a"}, {"connect": "b"},
                           {"emit": "user/profile/get", "as": "a", "args": [], "expect": {"profile": {"_id": "${a.id}"}}},
                           {"emit": "user/profile/get", "as": "b", "args": ["${a.id}"],
                            "expect": {"status": {"$regex": "^(ok|forbidden)$"}}}]}
                """, "p.json", false);
        UserPool pool = target.userPool();
        Set<String> seen = new HashSet<>();
        RunListener none = RunListener.NONE;
        List<ScenarioResult> results = List.of(new ScenarioRunner(target, pool, none, f -> { }).run(s, "p.json"),
                new ScenarioRunner(target, pool, none, f -> { }).run(s, "p.json"));
        for (ScenarioResult r : results) {
            assertThat(r.passed()).as(describe(r)).isTrue();
            r.frames().stream().filter(f -> f.kind() == RunFrame.Kind.ACK)
                    .forEach(f -> seen.add(f.payload().path("profile").path("_id").asText()));
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
    }

    static String describe(ScenarioResult r) {
        StringBuilder b = new StringBuilder(String.valueOf(r.setupError()));
        r.steps().forEach(s -> b.append("\n").append(s.outcome()).append(" ").append(s.step().describe()).append(" ")
                .append(s.message()).append(" ").append(s.mismatches()).append(" ").append(s.received()));
        return b.toString();
    }
}
