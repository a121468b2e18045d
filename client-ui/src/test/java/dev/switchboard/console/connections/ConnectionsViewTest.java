package dev.switchboard.console.connections;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.console.timeline.Frame;
import dev.switchboard.console.timeline.FrameKind;
import dev.switchboard.console.tokens.NegativeVariant;
import dev.switchboard.console.tokens.TokenService;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.fixture.FixtureSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class ConnectionsViewTest {

    private static ConsoleHarness h;
    private static ConnectionsView view;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start();
        h.seed(FixtureSpec.documented());
        view = h.window().view(ConnectionsView.class);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    private static LiveConnection connectionOf(String label) {
        return h.ctx().connectionList().stream().filter(c -> c.label().equals(label)).reduce((a, b) -> b).orElse(null);
    }

    @Test
    void oneClickConnectsAsAUserPickedBySearchOverPolling() {
        fx(() -> {
            h.window().show(1);
            view.transport.setValue(Transport.POLLING);
        });
        robot.clickOn(view.user).write("kiar");
        waitFor("kia atri in the picker", 10, () -> !view.user.getItems().isEmpty());
        fx(() -> view.user.getSelectionModel().select(0));
        robot.clickOn("#connect-button");

        waitFor("kiarashatri to connect", 15, () -> connectionOf("kiarashatri") != null
                && connectionOf("kiarashatri").isConnected());
        LiveConnection kia = connectionOf("kiarashatri");
        assertThat(kia.detail()).startsWith("connected as socket ").endsWith("over polling");
        waitFor("the connect pushes in the timeline", 10, () -> h.ctx().timeline().rows().stream()
                .anyMatch(f -> f.connectionId().equals(kia.id()) && f.kind() == FrameKind.IN
                        && f.event().equals("user/chatList/send/all")));
    }

    @Test
    void anExpiredTokenIsRefusedWithThePlainReason() {
        String expired = new TokenService().negative(NegativeVariant.EXPIRED, Jwt.EXAMPLE_SECRET, ConsoleHarness.JOHN);
        fx(() -> {
            h.window().show(1);
            view.transport.setValue(Transport.WEBSOCKET);
            view.user.setId(null, null);
            view.rawToken.setText(expired);
        });
        robot.clickOn("#connect-button");

        waitFor("the rejection", 15, () -> connectionOf("pasted token") != null
                && connectionOf("pasted token").status() == ConnectionStatus.REJECTED);
        LiveConnection rejected = connectionOf("pasted token");
        assertThat(rejected.detail()).startsWith("rejected: ").contains("expired");
        waitFor("connect_error in the timeline", 10, () -> h.ctx().timeline().rows().stream()
                .anyMatch(f -> f.connectionId().equals(rejected.id()) && f.kind() == FrameKind.CONNECT_ERROR));
        Frame error = fx(() -> h.ctx().timeline().rows().stream()
                .filter(f -> f.kind() == FrameKind.CONNECT_ERROR).findFirst().orElseThrow());
        assertThat(error.summary()).contains("expired");
        fx(() -> view.rawToken.clear());
    }
}
