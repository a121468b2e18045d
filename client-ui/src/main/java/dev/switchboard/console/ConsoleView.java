package dev.switchboard.console;

import javafx.scene.Node;

/** One of the console's views; its name and shortcut are registered in {@link ViewRegistry}. */
public interface ConsoleView {

    Node node();

    /** Ctrl+F: put the caret in this view's search or filter field. */
    default void focusSearch() {
    }

    /** Called each time the view is brought to front. */
    default void shown() {
    }

    /** Called when another view is brought to front in its place. */
    default void hidden() {
    }
}
