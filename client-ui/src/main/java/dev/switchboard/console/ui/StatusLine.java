package dev.switchboard.console.ui;

import javafx.scene.control.Label;

/**
 * The inline message of a view, where the user is looking: what just worked, what failed and why,
 * or that something is still running.
 */
public final class StatusLine extends Label {

    private static final String[] KINDS = {"status-info", "status-ok", "status-error", "status-busy", "status-warn"};

    public StatusLine() {
        getStyleClass().add("status-line");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    public void info(String text) {
        show(text, "status-info");
    }

    public void ok(String text) {
        show(text, "status-ok");
    }

    public void error(String text) {
        show(text, "status-error");
    }

    public void warn(String text) {
        show(text, "status-warn");
    }

    public void busy(String text) {
        show(text, "status-busy");
    }

    /** Shows a model's notice; null clears the line. */
    public void show(Notice notice) {
        if (notice == null) {
            clear();
        } else {
            show(notice.text(), notice.kind().styleClass());
        }
    }

    /** Follows a model's notice from now on. */
    public void follow(javafx.beans.value.ObservableValue<Notice> notice) {
        show(notice.getValue());
        notice.addListener((o, a, n) -> show(n));
    }

    public void clear() {
        setText("");
        setVisible(false);
    }

    /** The style of the current message: status-ok, status-error… (tests read it). */
    public String kind() {
        for (String k : KINDS) {
            if (getStyleClass().contains(k)) {
                return k;
            }
        }
        return "";
    }

    private void show(String text, String kind) {
        getStyleClass().removeAll(KINDS);
        getStyleClass().add(kind);
        setText(text);
        setVisible(text != null && !text.isEmpty());
    }
}
