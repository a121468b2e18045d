package dev.switchboard.console;

import static dev.switchboard.console.ConsoleHarness.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At the default size, 1360x860, no label, button or status bar text of any view is cut to "…": the text a
 * control displays is its whole text. (Table and list cells may elide long values; they are left out.)
 */
class TruncationTest {

    private static ConsoleHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = ConsoleHarness.start(1360, 860);
        h.seedAndConnectJohn();
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
    }

    @Test
    void noViewShowsATruncatedLabelAtTheDefaultSize() throws Exception {
        List<String> cut = new ArrayList<>();
        for (int i = 0; i < h.window().views().size(); i++) {
            int index = i;
            String name = h.window().specs().get(i).name();
            fx(() -> h.window().show(index));
            Thread.sleep(300); // background look-ups (users, counts) fill some labels
            fx(() -> h.window().root().layout());
            cut.addAll(fx(() -> truncated(h.window().root(), name)));
        }
        assertThat(cut).as("texts shown cut at 1360x860").isEmpty();
    }

    @Test
    void theCheckSeesACutLabel() {
        javafx.scene.control.Label narrow = new javafx.scene.control.Label("a label far too long for its width");
        narrow.setMaxWidth(60);
        fx(() -> {
            h.window().show(0);
            ((javafx.scene.layout.Pane) h.window().root().getBottom()).getChildren().add(narrow);
            h.window().root().layout();
        });
        try {
            assertThat(fx(() -> truncated(h.window().root(), "status bar"))).singleElement().asString()
                    .contains("of \"a label far too long for its width\"");
        } finally {
            fx(() -> ((javafx.scene.layout.Pane) h.window().root().getBottom()).getChildren().remove(narrow));
        }
    }

    /** Every visible Labeled under {@code node} whose displayed text differs from its text. */
    static List<String> truncated(Node node, String where) {
        List<String> found = new ArrayList<>();
        collect(node, where, found);
        return found;
    }

    private static void collect(Node node, String where, List<String> found) {
        if (!node.isVisible() || node instanceof Cell<?>) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            String shown = displayed(labeled);
            if (shown != null && !normal(shown).equals(normal(labeled.getText()))) {
                found.add(where + ": " + labeled.getClass().getSimpleName() + (labeled.getId() == null ? ""
                        : " #" + labeled.getId()) + " shows \"" + shown + "\" of \"" + labeled.getText() + "\"");
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, where, found);
            }
        }
    }

    /** The text the skin draws (its LabeledText child), or null before the skin exists. */
    private static String displayed(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getClass().getSimpleName().equals("LabeledText")) {
                return text.getText();
            }
        }
        return null;
    }

    private static String normal(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
