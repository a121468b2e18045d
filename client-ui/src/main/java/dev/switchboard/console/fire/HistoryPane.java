package dev.switchboard.console.fire;

import dev.switchboard.console.ui.Ui;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/** The requests fired, newest first, with their outcome; load one back, re-fire it, or keep it. */
final class HistoryPane extends VBox {

    private final FireModel model;
    final ListView<HistoryEntry> list;

    HistoryPane(FireModel model) {
        super(6);
        this.model = model;
        list = new ListView<>(model.history());
        list.setId("fire-history");
        list.setPlaceholder(new Label("Fired requests appear here."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("history-ok", "history-error");
                setText(empty || item == null ? null : item.toString());
                if (!empty && item != null && item.status() != null) {
                    getStyleClass().add("ok".equals(item.status()) ? "history-ok" : "history-error");
                }
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                loadSelected();
            }
        });
        Button load = Ui.small("Load", e -> loadSelected());
        Button refire = Ui.small("Re-fire", e -> {
            HistoryEntry h = selected();
            if (h != null) {
                model.load(h.request());
                model.fire(h.request());
            }
        });
        Button keep = Ui.small("Add to collection", e -> {
            HistoryEntry h = selected();
            if (h != null) {
                model.collection().add(h.request());
            }
        });
        getChildren().addAll(Ui.grow(list), Ui.row(load, refire, keep));
        setPadding(new Insets(6));
    }

    private HistoryEntry selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    private void loadSelected() {
        HistoryEntry h = selected();
        if (h != null) {
            model.load(h.request());
        }
    }
}
