package dev.switchboard.console;

import java.util.function.Function;
import javafx.scene.input.KeyCode;

/**
 * One entry of the {@link ViewRegistry}: the name on the side bar, the Ctrl+key that brings the view to
 * front (null for none) and how to build the view.
 */
public record ViewSpec(String name, KeyCode shortcut, Function<ConsoleContext, ? extends ConsoleView> factory) {

    public ViewSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a view needs a name");
        }
    }

    /** E.g. "Ctrl+3", or "" without a shortcut. */
    public String shortcutText() {
        return shortcut == null ? "" : "Ctrl+" + shortcut.getName();
    }

    /** The node id of its side bar button, e.g. {@code nav-fire}. */
    public String navId() {
        return "nav-" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
