package dev.switchboard.console.fire;

import dev.switchboard.console.core.Json;
import dev.switchboard.console.ui.Ui;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** The ack of the last request: status, round trip and the reply pretty-printed; empty once the arguments change. */
final class ReplyPane extends VBox {

    final Label ackStatus = new Label();
    final TextArea ackBody = Ui.codeArea(false);

    ReplyPane(FireModel model) {
        super(8);
        getStyleClass().add("card");
        ackStatus.getStyleClass().add("ack-status");
        ackStatus.setId("ack-status");
        ackStatus.setWrapText(true);
        ackBody.setId("ack-body");
        getChildren().addAll(Ui.heading("Reply (ack)"), ackStatus, Ui.grow(ackBody));
        model.reply().addListener((o, a, r) -> show(r));
        show(model.reply().get());
    }

    private void show(FireReply r) {
        ackStatus.getStyleClass().removeAll("ack-ok", "ack-error", "ack-pending");
        if (r == null) {
            ackStatus.setText("no reply yet");
            ackStatus.getStyleClass().add("ack-pending");
            ackBody.clear();
        } else if (r.pending()) {
            ackStatus.setText("waiting for the ack of " + r.event() + "…");
            ackStatus.getStyleClass().add("ack-pending");
            ackBody.clear();
        } else {
            ackStatus.setText(r.status() + "  ·  " + r.rttMillis() + " ms  ·  " + r.event() + "  ·  " + r.connection());
            ackStatus.getStyleClass().add(r.ok() ? "ack-ok" : "ack-error");
            ackBody.setText(r.body() == null ? "(no reply: " + r.status() + ")" : Json.pretty(r.body()));
        }
    }
}
