package dev.switchboard.console.accounts;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.console.ViewRegistry;
import dev.switchboard.console.connections.ConnectionStatus;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The Accounts view against the bundled server: a refused field shows its reason beside it; register,
 * confirm from the outbox, log in, open a connection with the token; reset the password from the outbox.
 */
class AccountsViewTest {

    private static ConsoleHarness h;
    private static AccountsView view;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start();
        view = h.window().view(AccountsView.class);
        fx(() -> h.window().show(ViewRegistry.VIEWS.size() - 1));
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    private static void fill(Map<String, String> values) {
        fx(() -> values.forEach((field, value) -> view.registerFields.get(field).setText(value)));
    }

    private static void awaitStatus(String what) {
        waitFor(what, 20, () -> !fx(() -> view.status.kind()).equals("status-busy"));
    }

    @Test
    void registerConfirmLogInConnectAndResetThroughTheRealRoutes() {
        fill(Map.of("name", "Arya", "family", "Stark", "username", "needle", "email", "needle@braavos.example",
                "password", "qwertyuiop", "phone", ""));
        robot.clickOn("#accounts-register");
        awaitStatus("the refused registration");
        assertThat(fx(() -> view.status.getText())).startsWith("POST /register → 400 invalid_argument");
        assertThat(fx(() -> view.reply.getText())).contains("\"password\" : \"one of the most common passwords");

        fx(() -> view.registerFields.get("password").setText("stick them with the pointy end"));
        robot.clickOn("#accounts-register");
        waitFor("the registration and its mail in the outbox", 20, () -> fx(() -> view.outbox.getItems().stream()
                .anyMatch(m -> m.to().equals("needle@braavos.example") && m.confirmsEmail())));
        assertThat(fx(() -> view.status.getText())).startsWith("POST /register → 201");

        fx(() -> view.outbox.getSelectionModel().select(0));
        assertThat(fx(() -> view.useMail.getText())).isEqualTo("Confirm email");
        robot.clickOn("#accounts-use-mail");
        waitFor("the confirmation", 20, () -> fx(() -> view.status.getText()).startsWith("POST /confirm_email → 200"));

        fx(() -> view.loginPassword.setText("stick them with the pointy end"));
        assertThat(fx(() -> view.loginName.getText())).isEqualTo("needle");
        robot.clickOn("#accounts-login");
        waitFor("the login", 20, () -> fx(() -> view.status.getText()).startsWith("POST /login → 200"));
        assertThat(fx(() -> view.accessToken.getText())).startsWith("eyJ");
        int before = fx(() -> h.ctx().connectionList().size());
        robot.clickOn("#accounts-connect");
        waitFor("a connection with the login token", 20, () -> fx(() -> h.ctx().connectionList().stream()
                .anyMatch(c -> c.display().contains("needle") && c.status() == ConnectionStatus.CONNECTED)));
        assertThat(fx(() -> h.ctx().connectionList().size())).isEqualTo(before + 1);

        fx(() -> {
            h.window().show(ViewRegistry.VIEWS.size() - 1);
            view.resetEmail.setText("needle@braavos.example");
        });
        robot.clickOn("#accounts-reset");
        waitFor("the reset mail in the outbox", 20, () -> fx(() -> !view.outbox.getItems().isEmpty()
                && !view.outbox.getItems().get(0).confirmsEmail()));
        fx(() -> view.outbox.getSelectionModel().select(0));
        robot.clickOn("#accounts-use-mail");
        assertThat(fx(() -> view.resetCode.getText())).hasSize(43);
        fx(() -> view.newPassword.setText("a girl has no name"));
        robot.clickOn("#accounts-change");
        waitFor("the password change", 20, () -> fx(() -> view.status.getText()).startsWith("POST /change_password → 200"));
        waitFor("the old session to be cut off", 20, () -> fx(() -> h.ctx().connectionList().stream()
                .filter(c -> c.display().contains("needle")).noneMatch(c -> c.status() == ConnectionStatus.CONNECTED)));
    }
}
