package dev.switchboard.console.moderation;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.server.fixture.FixtureSpec;
import java.util.Date;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** A moderator suspends a user from the console, sees the suspension and the audit entry, then lifts it. */
class ModerationActionsTest {

    private static ConsoleHarness h;
    private static ModerationView view;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start();
        h.seed(FixtureSpec.documented());
        view = h.window().view(ModerationView.class);
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    private static boolean suspendedInTheDatabase() {
        return h.launcher().server().stores().suspensions()
                .inForce(new ObjectId(ConsoleHarness.RAMSAY), new Date()).isPresent();
    }

    @Test
    void suspendingAUserNeedsAReasonNamesTheTargetShowsTheSuspensionAndIsAudited() {
        fx(() -> {
            h.window().show(5);
            view.open(ConsoleHarness.RAMSAY);
        });
        waitFor("ramsay to open", 10, () -> ConsoleHarness.RAMSAY.equals(view.shownId()));

        robot.clickOn("Suspend…");
        waitFor("the confirmation", 5, () -> view.confirm.box.isVisible());
        assertThat(view.confirm.question.getText()).contains("@ramsaybolton").contains(ConsoleHarness.RAMSAY);
        assertThat(view.confirm.confirm.isDisabled()).as("no reason yet").isTrue();

        robot.clickOn("#moderation-reason").write("spam links");
        robot.clickOn("#moderation-confirm");
        waitFor("the suspension shown", 10, () -> view.suspension.getText().equals("SUSPENDED: spam links until lifted"));
        assertThat(suspendedInTheDatabase()).isTrue();
        waitFor("the audit row", 10, () -> view.audit.table.getItems().stream()
                .anyMatch(e -> e.action().equals("user/suspend") && e.target().endsWith(ConsoleHarness.RAMSAY)
                        && e.reason().equals("spam links")));

        robot.clickOn("Lift suspension…");
        robot.clickOn("#moderation-reason").write("appeal accepted");
        robot.clickOn("#moderation-confirm");
        waitFor("the suspension gone", 10, () -> view.suspension.getText().isEmpty() && !suspendedInTheDatabase());

        fx(() -> view.audit.action.setText("user/suspension/lift"));
        fx(view.audit::refresh);
        waitFor("only the lift", 10, () -> view.audit.table.getItems().size() == 1
                && view.audit.table.getItems().get(0).reason().equals("appeal accepted"));
    }
}
