package dev.switchboard.console.scenarios;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.console.connections.ConnectionsView;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.timeline.FrameKind;
import dev.switchboard.console.timeline.TimelineView;
import dev.switchboard.scenario.model.ScenarioReader;
import dev.switchboard.server.fixture.FixtureSpec;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** What a user does in the console, recorded as a scenario, replays green at once; a broken copy shows its diff. */
class RecordReplayTest {

    private static ConsoleHarness h;
    private static ScenariosView view;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start();
        h.seed(FixtureSpec.documented());
        view = h.window().view(ScenariosView.class);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    private static LiveConnection connection(String label) {
        return h.ctx().connectionList().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
    }

    private static void emit(LiveConnection from, String event, String argsJson) throws Exception {
        JsonNode args = Json.MAPPER.readTree(argsJson);
        List<JsonNode> list = new java.util.ArrayList<>();
        args.forEach(list::add);
        h.ctx().connections().emit(from, event, list, outcome -> { });
    }

    private static long rows(String connectionId, FrameKind kind, String event) {
        return h.ctx().timeline().rows().stream().filter(f -> f.connectionId().equals(connectionId)
                && f.kind() == kind && f.event().equals(event)).count();
    }

    private static boolean finished(String status) {
        return status.startsWith("Passed") || status.startsWith("Failed") || status.startsWith("Could not")
                || status.contains("failed:");
    }

    @Test
    void recordedClicksReplayGreenAndAWrongExpectationShowsItsDiffAndFrames() throws Exception {
        fx(() -> h.window().show(ScenariosView.class));
        robot.clickOn("#scenario-record");
        assertThat(fx(view::isRecording)).isTrue();

        fx(() -> {
            ConnectionsView connections = h.window().view(ConnectionsView.class);
            connections.connectAs(ConsoleHarness.JOHN, "jhonsnow");
            connections.connectAs(ConsoleHarness.KIA, "kiarashatri");
            connections.connectAs(ConsoleHarness.KIA, "kiarashatri");
        });
        waitFor("three connections", 30, () -> h.ctx().connectionList().size() == 3
                && h.ctx().connectionList().stream().allMatch(LiveConnection::isConnected));
        LiveConnection john = connection("jhonsnow");
        emit(john, "message/new", "[{\"to\": \"" + ConsoleHarness.KIA + "\", \"context\": {\"text\": \"recorded hello\"}}]");
        waitFor("the message on both of kia's sockets", 20, () -> h.ctx().connectionList().stream()
                .filter(c -> c.label().equals("kiarashatri")).allMatch(c -> rows(c.id(), FrameKind.IN, "message/send/to") == 1));
        emit(john, "user/block/toggle", "[\"" + ConsoleHarness.RAMSAY + "\"]");
        waitFor("the unblock's ack", 20, () -> rows(john.id(), FrameKind.ACK, "user/block/toggle") == 1);

        robot.clickOn("#scenario-record");
        waitFor("the recording saved", 20, () -> view.status.getText().startsWith("Saved"));
        String recorded = fx(() -> view.editor.text.getText());
        JsonNode tree = ScenarioReader.JSON.readTree(recorded);
        assertThat(tree.get("fixture").asText()).isEqualTo("documented");
        assertThat(tree.at("/actors/kiarashatri/sockets").asInt()).isEqualTo(2);
        assertThat(recorded).contains("\"expectPush\" : \"message/send/to\"", "\"on\" : \"kiarashatri\"",
                "\"to\" : \"${kiarashatri.id}\"", "\"blocked\" : false", "\"$type\" : \"date\"");
        assertThat(Files.readString(view.editor.file())).isEqualTo(recorded);

        robot.clickOn("#scenario-run");
        waitFor("the replay to finish", 60, () -> finished(view.status.getText()));
        assertThat(fx(() -> view.steps.rows.stream().map(StepRow::toString).toList()))
                .as(fx(() -> view.status.getText() + "\n" + view.steps.detail.getText() + "\n" + recorded))
                .allMatch(s -> s.startsWith("✓"));
        assertThat(view.status.getText()).startsWith("Passed");

        // the same scenario expecting another text: it fails at that step, with the difference and its frames
        for (JsonNode step : tree.get("steps")) {
            if ("message/new".equals(step.path("emit").asText())) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) step.at("/expect/message/context"))
                        .put("text", "something else");
            }
        }
        String broken = ScenarioReader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        fx(() -> view.editor.text.setText(broken));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.R)
                .release(javafx.scene.input.KeyCode.R, javafx.scene.input.KeyCode.CONTROL);
        waitFor("the failure", 60, () -> finished(view.status.getText()) && !view.status.getText().startsWith("Passed"));
        assertThat(view.status.getText()).startsWith("Failed at step");
        assertThat(fx(() -> view.steps.detail.getText())).contains("ack did not match",
                "expected \"something else\", got \"recorded hello\"", "frames around it");
        robot.clickOn("#scenario-reveal");
        waitFor("the timeline with the step's frame selected", 10, () -> h.window().current() instanceof TimelineView tv
                && tv.table.getSelectionModel().getSelectedItem() != null
                && tv.table.getSelectionModel().getSelectedItem().connectionId().startsWith("▶ "));
    }

    @Test
    void aScenarioRunsAsLoadWithProgressAndALiveChart() {
        fx(() -> {
            h.window().show(ScenariosView.class);
            view.editor.setText("""
                    {"name": "profiles", "fixture": {"generated": {"users": 30, "seed": 11}},
                     "actors": {"a": {"pick": "any"}},
                     "steps": [{"connect": "a"},
                               {"emit": "user/profile/get", "as": "a", "args": [], "expect": {"profile": {"_id": "${a.id}"}}},
                               {"disconnect": "a"}]}
                    """, null);
            view.load.vus.getValueFactory().setValue(3);
            view.load.arrival.getValueFactory().setValue(4.0);
            view.load.seconds.getValueFactory().setValue(2);
        });
        robot.clickOn("#scenario-run-load");
        waitFor("the load run to end", 90, () -> view.status.getText().startsWith("Load done"));
        assertThat(view.status.getText()).as(view.load.summary.getText()).contains("virtual users passed");
        assertThat(view.load.progress.getProgress()).isEqualTo(1.0);
        assertThat(fx(() -> view.load.chart.getData().get(1).getData().size())).isGreaterThan(0);
        assertThat(view.load.summary.getText()).contains("0 failed");
    }
}
