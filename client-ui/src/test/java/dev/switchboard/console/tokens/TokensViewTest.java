package dev.switchboard.console.tokens;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.fixture.FixtureSpec;
import java.util.Base64;
import java.util.Map;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class TokensViewTest {

    private static ConsoleHarness h;
    private static TokensView view;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start();
        h.seed(FixtureSpec.documented());
        view = h.window().view(TokensView.class);
        fx(() -> h.window().show(0));
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void aTokenSignedForAUserPickedBySearchVerifiesAndNamesTheUser() {
        robot.clickOn(view.user).write("jhon");
        waitFor("john snow in the user picker", 10, () -> view.user.getItems().stream()
                .anyMatch(c -> c.label().contains("john snow")));
        fx(() -> view.user.getSelectionModel().select(0));
        robot.clickOn("Sign token");

        waitFor("the signed token to be verified", 10, () -> view.verdict.getText().startsWith("✔"));
        assertThat(view.verdict.getText()).isEqualTo("✔ valid: signed with this secret for user " + ConsoleHarness.JOHN);
        waitFor("the user to be looked up", 10, () -> textOfUserNote().contains("jhonsnow"));
        assertThat(fx(() -> view.signStatus.isVisible())).isTrue();

        robot.clickOn("#token-clear");
        assertThat(fx(() -> view.signStatus.isVisible())).as("the sign message after Clear").isFalse();
    }

    private static String textOfUserNote() {
        return view.userNote.getText();
    }

    @Test
    void aTamperedTokenShowsTheExactRejection() {
        String good = new TokenService().sign(Jwt.EXAMPLE_SECRET, ConsoleHarness.JOHN, Expiry.none(), Map.of());
        String[] parts = good.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"user_id\":\"" + ConsoleHarness.KIA + "\"}").getBytes());
        fx(() -> view.token.clear());
        robot.clickOn(view.token).write(parts[0] + "." + forged + "." + parts[2]);

        waitFor("the verdict", 10, () -> view.verdict.getText().startsWith("✘"));
        assertThat(view.verdict.getText()).isEqualTo("✘ token signature does not match the server's secret");
        assertThat(view.verdict.getStyleClass()).contains("verdict-bad");
        waitFor("the forged user to be named", 10, () -> textOfUserNote().contains("kiarashatri"));
    }

    @Test
    void negativeVariantsAreOneClickEach() {
        robot.clickOn("#negative-alg_none");
        waitFor("the alg none verdict", 10, () -> view.verdict.getText().contains("algorithm none"));
        assertThat(view.verdict.getText()).startsWith("✘ token algorithm none is not accepted");

        robot.clickOn("#negative-expired");
        waitFor("the expired verdict", 10, () -> view.verdict.getText().contains("expired"));
        assertThat(view.verdict.getText()).startsWith("✘ token expired at");

        robot.clickOn("#negative-missing_user_id");
        waitFor("the missing user_id verdict", 10, () -> view.verdict.getText().contains("user_id"));
        assertThat(view.verdict.getText()).isEqualTo("✘ token has no user_id claim");

        robot.clickOn("#negative-unknown_user");
        waitFor("the unknown user note", 10, () -> textOfUserNote().contains("names no user"));
    }

    @Test
    void badExtraClaimsAreReportedInline() {
        fx(() -> view.claims.setText("{role: admin"));
        robot.clickOn("Sign token");
        assertThat(robot.lookup(n -> n instanceof javafx.scene.control.Label l && l.getText() != null
                && l.getText().startsWith("extra claims: ")).tryQuery()).isPresent();
        fx(() -> view.claims.clear());
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }
}
