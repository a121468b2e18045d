package dev.switchboard.scenario.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.scenario.model.ScenarioReader;
import dev.switchboard.server.SwitchboardServer;
import dev.switchboard.server.config.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/scenario} as a user runs it, against a real server. */
class ScenarioCommandTest {

    private static SwitchboardServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = SwitchboardServer.start(ServerConfig.ephemeral().build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String scenario(String expectedText) {
        return """
                {"name": "john likes arya's tweet", "fixture": "documented",
                 "actors": {"kia": {"user": "62fc0c0c2b83bd50cb5fef05"}},
                 "steps": [{"connect": "kia"},
                           {"emit": "tweet/get/byPagination", "as": "kia", "args": ["62fbb1a596ac46dda02af592"],
                            "expect": {"status": "ok", "tweets": {"$contains": {"context": "%s"}}}},
                           {"disconnect": "kia"}]}
                """.formatted(expectedText);
    }

    private record Outcome(int status, String out) {
    }

    private Outcome run(String... args) {
        StringWriter out = new StringWriter();
        int status = ScenarioCommand.execute(new PrintWriter(out, true), new PrintWriter(out, true), args);
        return new Outcome(status, out.toString());
    }

    @Test
    void passingScenarioExitsZeroAndWrongExpectationOneWithAReadableDiff() throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), scenario("im tweeting! brah"));
        Path bad = Files.writeString(dir.resolve("bad.yaml"), scenario("im sleeping"));
        Path junit = dir.resolve("reports/junit.xml");

        Outcome passing = run("run", "--server", server.socketIoUrl(), "--mongo-uri", server.mongoUri(), good.toString());
        assertThat(passing.status()).as(passing.out()).isZero();
        assertThat(passing.out()).contains("PASS  2 emit tweet/get/byPagination as kia", "1 of 1 scenario(s) passed");

        Outcome failing = run("run", "--server", server.socketIoUrl(), "--mongo-uri", server.mongoUri(),
                "--junit", junit.toString(), good.toString(), bad.toString());
        assertThat(failing.status()).as(failing.out()).isEqualTo(1);
        assertThat(failing.out()).contains(
                "FAIL  2 emit tweet/get/byPagination as kia",
                "ack did not match: the ack of tweet/get/byPagination differs from the expectation in 1 place(s)",
                "at tweets: no element matches {\"context\":\"im sleeping\"}",
                "expected:", "received:", "\"context\" : \"im tweeting! brah\"",
                "frames around it", "kia#1 → emit tweet/get/byPagination",
                "skip  3 disconnect kia",
                "1 of 2 scenario(s) passed; failed: " + bad);
        String xml = Files.readString(junit);
        assertThat(xml).contains("<testsuites name=\"scenarios\" tests=\"6\" failures=\"1\"",
                "<failure type=\"ACK_MISMATCH\"", "<skipped message=\"not run: an earlier step failed\"/>");
    }

    @Test
    void aFileThatIsNotAScenarioFailsWithItsProblems() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"actors\": {}, \"steps\": []}");
        Outcome o = run("run", "--server", server.socketIoUrl(), broken.toString());
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.out()).contains("ERROR actors must be an object naming at least one actor",
                "ERROR steps must be a list with at least one step");
        assertThat(run("run").status()).isEqualTo(2);
    }

    @Test
    void loadRunsVirtualUsersAndWritesJsonAndChart() throws Exception {
        Path file = Files.writeString(dir.resolve("load.json"), """
                {"name": "profiles", "fixture": {"generated": {"users": 30, "seed": 5}},
                 "actors": {"a": {"pick": "any"}},
                 "steps": [{"connect": "a"},
                           {"emit": "user/profile/get", "as": "a", "args": [], "expect": {"status": "ok"}},
                           {"disconnect": "a"}]}
                """);
        Path json = dir.resolve("out/load.json");
        Outcome o = run("load", file.toString(), "--vus", "3", "--arrival", "6/s", "--duration", "1s",
                "--server", server.socketIoUrl(), "--mongo-uri", server.mongoUri(), "--out", json.toString());
        assertThat(o.status()).as(o.out()).isZero();
        assertThat(o.out()).contains("emit user/profile/get as a", "p95 ms", "events:");
        JsonNode report = ScenarioReader.JSON.readTree(json.toFile());
        assertThat(report.get("vusStarted").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(report.get("vusFailed").asInt()).isZero();
        assertThat(report.get("events").asInt()).isEqualTo(report.get("vusPassed").asInt());
        assertThat(report.path("steps").get(1).get("count").asInt()).isEqualTo(report.get("vusStarted").asInt());
        byte[] png = Files.readAllBytes(dir.resolve("out/load.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
