package dev.switchboard.console.moderation;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.console.data.UserRef;
import dev.switchboard.server.fixture.FixtureSpec;
import java.util.Date;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class ModerationViewTest {

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

    @Test
    void aModeratorFindsAUserOpensTheirBlocksAndFollowsThemToTheBlockedUser() {
        fx(() -> h.window().show(5));
        robot.clickOn("#moderation-search").write("jhon");
        waitFor("jhonsnow in the user list", 10, () -> view.users.getItems().size() == 1
                && view.users.getItems().get(0).username().equals("jhonsnow"));
        robot.clickOn("jhonsnow · john snow");
        try {
            waitFor("john snow's relations", 10, () -> view.blocks.heading.getText().equals("Blocks (1)"));
        } catch (AssertionError clickLostToARedraw) {
            // the list may have redrawn its cells under the pointer as the click landed: click once more
            robot.clickOn("jhonsnow · john snow");
            waitFor("john snow's relations", 10, () -> view.blocks.heading.getText().equals("Blocks (1)"));
        }
        assertThat(view.blocks.table.getItems()).extracting(Relation::username).containsExactly("ramsaybolton");
        assertThat(view.requestsIn.table.getItems()).extracting(Relation::username).containsExactly("sansastark");
        assertThat(view.following.heading.getText()).isEqualTo("Following (3)");
        assertThat(view.followers.table.getItems()).extracting(Relation::username).containsExactly("kiarashatri");

        java.util.function.Predicate<Node> isRamsay = n -> n instanceof TableRow<?> row
                && row.getItem() instanceof Relation r && r.username().equals("ramsaybolton");
        waitFor("ramsay's row", 10, () -> robot.from(view.blocks.table).lookup(isRamsay).tryQuery().isPresent());
        Node ramsayRow = robot.from(view.blocks.table).lookup(isRamsay).query();
        robot.doubleClickOn(ramsayRow);
        waitFor("ramsay bolton to open", 10, () -> ConsoleHarness.RAMSAY.equals(view.shownId()));
        assertThat(view.blockedBy.table.getItems()).extracting(Relation::username)
                .containsExactly("jhonsnow", "kiarashatri");

        robot.clickOn("← Back");
        waitFor("back to john snow", 10, () -> ConsoleHarness.JOHN.equals(view.shownId()));
    }

    @Test
    void anEmptySearchListsEveryUser() {
        fx(() -> {
            h.window().show(5);
            view.search.clear();
        });
        waitFor("all five users", 10, () -> view.users.getItems().size() == 5);
        assertThat(view.users.getItems()).extracting(UserRef::username)
                .containsExactly("aryastark", "jhonsnow", "kiarashatri", "ramsaybolton", "sansastark");
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
        fx(() -> view.search.setText("ramsay"));
        waitFor("ramsay marked suspended in the user list", 10, () -> robot.lookup(
                (Node n) -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                        && c.getText().startsWith("ramsaybolton") && c.getText().endsWith("· SUSPENDED"))
                .tryQuery().isPresent());
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
