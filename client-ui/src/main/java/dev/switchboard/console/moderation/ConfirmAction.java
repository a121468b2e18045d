package dev.switchboard.console.moderation;

import java.util.function.BiConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The confirmation of a moderation action, inline in the view: it names the target and requires a
 * reason (and, to suspend, takes an optional end date); Enter confirms, Escape cancels.
 */
final class ConfirmAction {

    final VBox box = new VBox(6);
    final Label question = new Label();
    final TextField reason = new TextField();
    final TextField until = new TextField();
    final Button confirm = new Button("Confirm");
    private final Button cancel = new Button("Cancel");
    private BiConsumer<String, String> onConfirm;

    ConfirmAction() {
        question.getStyleClass().add("heading");
        question.setWrapText(true);
        reason.setPromptText("reason (required; the user reads it)");
        reason.setId("moderation-reason");
        until.setPromptText("until, e.g. 2030-01-31T00:00:00Z (empty: until lifted)");
        until.setId("moderation-until");
        confirm.setId("moderation-confirm");
        confirm.setDefaultButton(true);
        confirm.disableProperty().bind(reason.textProperty().isEmpty());
        confirm.setOnAction(e -> {
            if (!reason.getText().isBlank() && onConfirm != null) {
                BiConsumer<String, String> action = onConfirm;
                String untilText = until.isVisible() && !until.getText().isBlank() ? until.getText().trim() : null;
                String why = reason.getText().trim();
                hide();
                action.accept(why, untilText);
            }
        });
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> hide());
        HBox fields = new HBox(8, reason, until, confirm, cancel);
        HBox.setHgrow(reason, Priority.ALWAYS);
        box.getChildren().addAll(question, fields);
        box.getStyleClass().add("card");
        box.setId("moderation-confirmation");
        hide();
    }

    /** Asks "<question>" for that action; {@code action} gets the reason and the until text (or null). */
    void ask(String text, boolean withUntil, BiConsumer<String, String> action) {
        question.setText(text);
        reason.clear();
        until.clear();
        until.setVisible(withUntil);
        until.setManaged(withUntil);
        onConfirm = action;
        box.setVisible(true);
        box.setManaged(true);
        reason.requestFocus();
    }

    void hide() {
        onConfirm = null;
        box.setVisible(false);
        box.setManaged(false);
    }
}
