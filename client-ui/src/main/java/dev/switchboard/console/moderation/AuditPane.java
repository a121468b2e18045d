package dev.switchboard.console.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The audit log of moderation actions as a table, newest first, filtered by action, actor and target. */
final class AuditPane {

    final VBox box;
    final TableView<AuditEntry> table = new TableView<>();
    final TextField action = new TextField();
    final TextField actor = new TextField();
    final TextField target = new TextField();
    private final StatusLine status = new StatusLine();
    private final ConsoleContext ctx;

    AuditPane(ConsoleContext ctx) {
        this.ctx = ctx;
        action.setPromptText("action, e.g. user/suspend");
        actor.setPromptText("moderator id");
        target.setPromptText("user id (acted on, or owner)");
        action.setOnAction(e -> refresh());
        actor.setOnAction(e -> refresh());
        target.setOnAction(e -> refresh());
        table.setId("audit-table");
        table.setPlaceholder(new javafx.scene.control.Label("no moderation action yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("When", AuditEntry::at));
        table.getColumns().add(column("Node", AuditEntry::node));
        table.getColumns().add(column("Who", AuditEntry::actor));
        table.getColumns().add(column("Action", AuditEntry::action));
        table.getColumns().add(column("Target", AuditEntry::target));
        table.getColumns().add(column("Reason", AuditEntry::reason));
        box = new VBox(8, Ui.heading("Audit log"), Ui.row(Ui.grow(action), Ui.grow(actor), Ui.grow(target),
                Ui.button("Filter", e -> refresh())), status, Ui.grow(table));
        box.setId("audit-pane");
    }

    /** Reads the first page through /admin in the background. */
    void refresh() {
        status.busy("reading the audit log…");
        String a = blankToNull(action.getText());
        String who = blankToNull(actor.getText());
        String on = blankToNull(target.getText());
        ctx.background().run(() -> {
            JsonNode entries = ctx.admin().call("admin/audit/get", a, who, on, 1).path("entries");
            List<AuditEntry> rows = new ArrayList<>();
            entries.forEach(e -> rows.add(AuditEntry.of(e)));
            return rows;
        }, rows -> {
            table.getItems().setAll(rows);
            status.clear();
        }, e -> status.error("cannot read the audit log: " + Json.describe(e)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static TableColumn<AuditEntry, String> column(String title, Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        return c;
    }
}
