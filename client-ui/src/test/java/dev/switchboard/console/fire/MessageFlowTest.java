package dev.switchboard.console.fire;

import dev.switchboard.console.connections.ConnectionsView;
import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.timeline.Frame;
import dev.switchboard.console.timeline.FrameKind;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.server.fixture.FixtureSpec;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Two users connected side by side; a message fired from one arrives as a push for the other. */
class MessageFlowTest {

    private static ConsoleHarness h;
    private static FireView fire;
    private static LiveConnection john;
    private static LiveConnection kia;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start();
        h.seed(FixtureSpec.documented());
        fire = h.window().view(FireView.class);
        fx(() -> {
            h.window().view(ConnectionsView.class).connectAs(ConsoleHarness.JOHN, "jhonsnow");
            h.window().view(ConnectionsView.class).connectAs(ConsoleHarness.KIA, "kiarashatri");
        });
        waitFor("both users to connect", 20, () -> h.ctx().connectionList().size() == 2
                && h.ctx().connectionList().stream().allMatch(LiveConnection::isConnected));
        john = byLabel("jhonsnow");
        kia = byLabel("kiarashatri");
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    private static LiveConnection byLabel(String label) {
        return h.ctx().connectionList().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aMessageFiredByJohnArrivesForKiaInTheTimeline() {
        fx(() -> {
            h.window().show(2);
            fire.select(EventCatalog.require("message/new"));
            fire.connection.setValue(john);
        });
        // pick the recipient in the JSON editor's helper, then type the text
        robot.clickOn("#arg-data-to").write("kiar");
        waitFor("kia in the recipient picker", 10, () -> !robot.lookup("#arg-data-to").queryComboBox().getItems().isEmpty());
        fx(() -> robot.lookup("#arg-data-to").queryComboBox().getSelectionModel().select(0));
        waitFor("the recipient in the preview", 5, () -> fire.preview.getText().contains(ConsoleHarness.KIA));
        fx(() -> fire.setArgument("data", "{\"to\": \"" + ConsoleHarness.KIA + "\", \"context\": {\"text\": \"hello from the console\"}}"));
        assertThat(fire.preview.getText()).contains("\"text\" : \"hello from the console\"");

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitFor("the ack", 15, () -> fire.ackStatus.getText().startsWith("ok"));
        assertThat(fire.ackStatus.getStyleClass()).contains("ack-ok");
        assertThat(fire.ackBody.getText()).contains("\"text\" : \"hello from the console\"");
        assertThat(fire.history.get(0).status()).isEqualTo("ok");

        waitFor("message/send/to for kia", 15, () -> h.ctx().timeline().rows().stream()
                .anyMatch(f -> f.connectionId().equals(kia.id()) && f.kind() == FrameKind.IN
                        && f.event().equals("message/send/to")
                        && f.payload().path("context").path("text").asText().equals("hello from the console")));
        Frame ack = fx(() -> h.ctx().timeline().rows().stream()
                .filter(f -> f.kind() == FrameKind.ACK && f.event().equals("message/new")).findFirst().orElseThrow());
        Frame emit = fx(() -> h.ctx().timeline().requestOf(ack));
        assertThat(emit.connectionId()).isEqualTo(john.id());
        assertThat(ack.status()).isEqualTo("ok");
    }

    @Test
    void aBadArgumentComesBackAsAnErrorReplyInRed() {
        fx(() -> {
            h.window().show(2);
            fire.select(EventCatalog.require("message/seen"));
            fire.connection.setValue(kia);
            fire.setArgument("userId", "not-an-id");
        });
        assertThat(fire.preview.getText()).contains("\"not-an-id\"");
        robot.clickOn("#fire-button");

        waitFor("the error reply", 15, () -> fire.ackStatus.getText().startsWith("invalid_argument"));
        assertThat(fire.ackStatus.getStyleClass()).contains("ack-error");
        assertThat(fire.ackBody.getText()).contains("\"status\" : \"invalid_argument\"").contains("\"error\"");
    }

    @Test
    void aRequestFromHistoryCanBeFiredAgain() {
        fx(() -> {
            h.window().show(2);
            fire.select(EventCatalog.require("user/block/get/all"));
            fire.connection.setValue(john);
        });
        robot.clickOn("#fire-button");
        waitFor("the first reply", 15, () -> !fire.history.isEmpty() && "ok".equals(fire.history.get(0).status())
                && fire.history.get(0).request().event().equals("user/block/get/all"));
        int before = fx(() -> fire.history.size());
        fx(() -> fire.select(EventCatalog.require("user/profile/get")));

        fx(() -> fire.load(fire.history.get(0).request()));
        assertThat(fire.current().name()).isEqualTo("user/block/get/all");
        robot.clickOn("#fire-button");
        waitFor("the re-fire", 15, () -> fire.history.size() == before + 1 && "ok".equals(fire.history.get(0).status()));
        assertThat(fire.ackBody.getText()).contains("\"block\"");
    }
}
