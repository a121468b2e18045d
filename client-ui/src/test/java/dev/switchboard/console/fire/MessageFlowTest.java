package dev.switchboard.console.fire;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.console.connections.ConnectRequest;
import dev.switchboard.console.connections.ConnectionsView;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.timeline.Frame;
import dev.switchboard.console.connections.Transport;
import dev.switchboard.console.timeline.FrameKind;
import dev.switchboard.console.tokens.NegativeVariant;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.server.fixture.FixtureSpec;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
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

    private String preview() {
        return robot.lookup("#fire-preview").queryTextInputControl().getText();
    }

    private Label ackStatus() {
        return robot.lookup("#ack-status").queryAs(Label.class);
    }

    private String ackBody() {
        return robot.lookup("#ack-body").queryTextInputControl().getText();
    }

    private static LiveConnection byLabel(String label) {
        return h.ctx().connectionList().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void aMessageFiredByJohnArrivesForKiaInTheTimeline() throws Exception {
        fx(() -> {
            h.window().show(2);
            fire.select(EventCatalog.require("message/new"));
            fire.model().connection().set(john);
        });
        // pick the recipient in the JSON editor's helper, then type the text
        robot.clickOn("#arg-data-to").write("kiar");
        waitFor("kia in the recipient picker", 10, () -> !robot.lookup("#arg-data-to").queryComboBox().getItems().isEmpty());
        waitFor("the choices open", 10, () -> robot.lookup("#arg-data-to").queryComboBox().isShowing());
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell").<Node>query());
        waitFor("the recipient in the preview", 5, () -> preview().contains(ConsoleHarness.KIA));
        Thread.sleep(700); // longer than the picker's search delay: a pick must not start a search that reopens it
        assertThat(fx(() -> robot.lookup("#arg-data-to").queryComboBox().isShowing())).isFalse();
        fx(() -> fire.setArgument("data", "{\"to\": \"" + ConsoleHarness.KIA + "\", \"context\": {\"text\": \"hello from the console\"}}"));
        assertThat(preview()).contains("\"text\" : \"hello from the console\"");

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitFor("the ack", 15, () -> ackStatus().getText().startsWith("ok"));
        assertThat(ackStatus().getStyleClass()).contains("ack-ok");
        assertThat(ackBody()).contains("\"text\" : \"hello from the console\"");
        assertThat(fire.model().history().get(0).status()).isEqualTo("ok");

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
            fire.model().connection().set(kia);
            fire.setArgument("userId", "not-an-id");
        });
        assertThat(preview()).contains("\"not-an-id\"");
        robot.clickOn("#fire-button");

        waitFor("the error reply", 15, () -> ackStatus().getText().startsWith("invalid_argument"));
        assertThat(ackStatus().getStyleClass()).contains("ack-error");
        assertThat(ackBody()).contains("\"status\" : \"invalid_argument\"").contains("\"error\"");
    }

    @Test
    void aRequestFromHistoryCanBeFiredAgain() {
        fx(() -> {
            h.window().show(2);
            fire.select(EventCatalog.require("user/block/get/all"));
            fire.model().connection().set(john);
        });
        robot.clickOn("#fire-button");
        waitFor("the first reply", 15, () -> !fire.model().history().isEmpty() && "ok".equals(fire.model().history().get(0).status())
                && fire.model().history().get(0).request().event().equals("user/block/get/all"));
        int before = fx(() -> fire.model().history().size());
        fx(() -> fire.select(EventCatalog.require("user/profile/get")));

        fx(() -> fire.model().load(fire.model().history().get(0).request()));
        assertThat(fire.model().event().get().name()).isEqualTo("user/block/get/all");
        robot.clickOn("#fire-button");
        waitFor("the re-fire", 15, () -> fire.model().history().size() == before + 1 && "ok".equals(fire.model().history().get(0).status()));
        assertThat(ackBody()).contains("\"block\"");
    }

    @Test
    void throughDefaultsToALiveConnectionAndARefusedOneSendsAndLogsNothing() {
        String expired = h.ctx().tokens().negative(NegativeVariant.EXPIRED, h.ctx().secret(), ConsoleHarness.JOHN);
        fx(() -> h.ctx().connections().open(new ConnectRequest("refused", ConsoleHarness.JOHN, expired, "/",
                Transport.POLLING)));
        waitFor("the refusal", 20, () -> h.ctx().connectionList().stream()
                .anyMatch(c -> c.label().equals("refused") && c.detail().startsWith("rejected")));
        LiveConnection refused = fx(() -> byLabel("refused"));
        fx(() -> {
            h.window().show(2);
            fire.model().connection().set(null);
            fire.select(EventCatalog.require("user/publicity/get"));
        });
        assertThat(fx(() -> fire.model().connection().get().isConnected())).isTrue();
        ChoiceBox<?> through = robot.lookup("#fire-connection").queryAs(ChoiceBox.class);
        String shown = fx(() -> converted(through, refused));
        assertThat(shown).contains(refused.id()).contains("rejected");

        int historyBefore = fx(() -> fire.model().history().size());
        fx(() -> fire.model().connection().set(refused));
        robot.clickOn("#fire-button");
        assertThat(fx(() -> fire.model().notice().get().text())).contains("nothing was sent");
        assertThat(fx(() -> fire.model().history().size())).isEqualTo(historyBefore);
        fx(() -> h.ctx().timeline().drain(Integer.MAX_VALUE));
        assertThat(fx(() -> h.ctx().timeline().rows().stream().noneMatch(f -> f.connectionId().equals(refused.id())
                && (f.kind() == FrameKind.OUT || f.kind() == FrameKind.ACK)))).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static <T> String converted(ChoiceBox<T> box, Object item) {
        return box.getConverter().toString((T) item);
    }

    @Test
    void malformedJsonIsOneHumanLineUnderItsFieldAndGoesWhenFixed() {
        fx(() -> {
            h.window().show(2);
            fire.select(EventCatalog.require("message/new"));
            fire.setArgument("data", "{\n  \"to\": \"" + ConsoleHarness.KIA + "\",\n  \"context\": {\"text\": \"hi\"}\n");
        });
        Label message = robot.lookup("#arg-data-message").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("invalid JSON at 4:1: the object opened at 1:1 is not closed: "
                + "a } or a comma is missing");
        long shownTwice = fx(() -> robot.from(fire.node()).lookup((Node n) -> n instanceof Labeled l
                && l.getText() != null && l.getText().contains("not closed")).queryAll().size());
        assertThat(shownTwice).isEqualTo(1);
        assertThat(fx(() -> fire.fireButton().localToScene(fire.fireButton().getBoundsInLocal()).getMaxY()))
                .isLessThan(860);

        fx(() -> fire.setArgument("data", "{\"to\": \"" + ConsoleHarness.KIA + "\", \"context\": {\"text\": \"hi\"}}"));
        assertThat(message.getText()).isEmpty();
    }

    @Test
    void theReplyOfOtherArgumentsIsClearedWhenTheyChange() {
        fx(() -> {
            h.window().show(2);
            fire.select(EventCatalog.require("user/profile/get"));
            fire.model().connection().set(john);
            fire.setArgument("userId", ConsoleHarness.KIA);
        });
        robot.clickOn("#fire-button");
        waitFor("the reply", 15, () -> ackStatus().getText().startsWith("ok"));
        fx(() -> fire.setArgument("userId", ConsoleHarness.JOHN));
        assertThat(ackStatus().getText()).isEqualTo("no reply yet");
        assertThat(ackBody()).isEmpty();
        assertThat(fx(() -> fire.model().notice().get())).isNull();
    }
}
