package dev.switchboard.console.moderation;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.ConsoleHarness;
import dev.switchboard.console.data.UserRef;
import dev.switchboard.server.fixture.FixtureSpec;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
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

        waitFor("john snow's relations", 10, () -> view.blocks.heading.getText().equals("Blocks (1)"));
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
}
