package dev.switchboard.console;

import javafx.scene.Node;

/** One of the console's views, switched with Ctrl+1..8. */
public interface ConsoleView {

    String title();

    Node node();

    /** Ctrl+F: put the caret in this view's search or filter field. */
    default void focusSearch() {
    }

    /** Called each time the view is brought to front. */
    default void shown() {
    }
}
