package dev.switchboard.console;

import static dev.switchboard.console.ConsoleHarness.fx;
import static dev.switchboard.console.ConsoleHarness.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.connections.ConnectionsView;
import dev.switchboard.console.events.ShowView;
import dev.switchboard.console.fire.FireView;
import dev.switchboard.console.fixtures.FixturesView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

class ViewRegistryTest {

    private static ConsoleHarness h;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void everyRegisteredViewHasItsSideBarButtonAndItsShortcut() {
        fx(() -> h.window().show(ViewRegistry.VIEWS.size() - 1));
        for (int i = 0; i < ViewRegistry.VIEWS.size(); i++) {
            ViewSpec spec = ViewRegistry.VIEWS.get(i);
            ConsoleView view = h.window().views().get(i);
            ToggleButton nav = robot.lookup("#" + spec.navId()).queryAs(ToggleButton.class);
            assertThat(nav.getText()).isEqualTo(spec.name());
            if (spec.shortcut() != null) {
                robot.press(KeyCode.CONTROL, spec.shortcut()).release(spec.shortcut(), KeyCode.CONTROL);
                waitFor(spec.name() + " in front after " + spec.shortcutText(), 10,
                        () -> h.window().current() == view && nav.isSelected()
                                && view.node().getScene() != null);
            }
        }
    }

    @Test
    void aShortcutWorksWhileAnIdPickerHasTheFocus() {
        fx(() -> h.window().show(ConnectionsView.class));
        robot.clickOn(fx(() -> h.window().view(ConnectionsView.class).userPicker().getEditor()));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitFor("the Fire view in front", 10, () -> h.window().current() instanceof FireView);
    }

    @Test
    void aViewCanAskForAnotherThroughTheEventBus() {
        fx(() -> h.window().show(0));
        fx(() -> h.ctx().events().publish(new ShowView(FixturesView.class)));
        waitFor("the Fixtures view in front", 10, () -> h.window().current() instanceof FixturesView);
    }
}
