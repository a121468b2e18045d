package dev.switchboard.console.settings;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.scenario.cli.ServerProbe;
import dev.switchboard.console.server.ServerSession;
import java.nio.file.Files;
import java.time.Duration;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;

/** Settings → Save and reconnect: bad settings change nothing; good ones replace the server once it answers. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class SettingsViewTest {

    private static ConsoleHarness h;
    private static SettingsView view;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start();
        h.seedAndConnectJohn();
        view = h.window().view(SettingsView.class);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void badSettingsAreNeitherSavedNorAppliedAndNothingStops() {
        fx(() -> h.window().show(SettingsView.class));
        ServerSession before = fx(() -> h.ctx().session().get());
        String barBefore = robot.lookup("#status-server").queryAs(Label.class).getText();

        saveAndReconnect("http://127.0.0.1:99999");
        waitFor("the form's error", 10, () -> view.status.kind().equals("status-error"));
        assertThat(view.status.getText()).contains("99999").contains("not a port");
        assertUntouched(before, barBefore);

        // valid, but nothing answers there and the bundled server cannot start on another machine
        saveAndReconnect("http://192.0.2.1:3000");
        waitFor("the failure", 30, () -> view.status.kind().equals("status-error"));
        assertThat(view.status.getText()).contains("nothing answers at http://192.0.2.1:3000");
        assertUntouched(before, barBefore);
    }

    @Test
    void goodSettingsReplaceTheServerOnlyOnceTheNewOneAnswers() {
        fx(() -> h.window().show(SettingsView.class));
        ServerSession before = fx(() -> h.ctx().session().get());
        saveAndReconnect("http://127.0.0.1:3999");
        waitFor("saved and reconnected", 60, () -> view.status.kind().equals("status-ok"));

        ServerSession after = fx(() -> h.ctx().session().get());
        assertThat(after.url()).isNotEqualTo(before.url());
        assertThat(ServerProbe.answers(after.url(), Duration.ofSeconds(3))).isTrue();
        waitFor("the old bundled server stopped", 20, () -> !ServerProbe.answers(before.url(), Duration.ofSeconds(1)));
        assertThat(h.ctx().settingsStore().load().serverUrl()).isEqualTo("http://127.0.0.1:3999");
        assertThat(robot.lookup("#status-server").queryAs(Label.class).getText())
                .isEqualTo("Server 127.0.0.1:" + java.net.URI.create(after.url()).getPort());
    }

    private void saveAndReconnect(String url) {
        fx(() -> view.serverUrl.setText(url));
        robot.clickOn("#settings-apply");
    }

    private void assertUntouched(ServerSession before, String barBefore) {
        assertThat(fx(() -> h.ctx().session().get())).isEqualTo(before);
        assertThat(Files.exists(h.ctx().settingsStore().file())).isFalse();
        assertThat(fx(() -> h.ctx().settings().get().serverUrl())).isEqualTo(Settings.DEFAULT_SERVER_URL);
        assertThat(ServerProbe.answers(before.url(), Duration.ofSeconds(3))).isTrue();
        assertThat(fx(() -> h.ctx().connectionList().stream().allMatch(LiveConnection::isConnected))).isTrue();
        assertThat(robot.lookup("#status-server").queryAs(Label.class).getText()).isEqualTo(barBefore);
    }
}
