package dev.switchboard.console.fire;

import dev.switchboard.console.core.Background;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.ui.Notice;
import dev.switchboard.console.ui.Ui;
import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** A named collection of requests: add the current form, fire them all, save and open as JSON files. */
final class CollectionPane extends VBox {

    private final FireModel model;
    private final Background background;
    private final ListView<SavedRequest> list;
    private final TextField name = new TextField("my requests");
    private final TextField requestName = new TextField();

    CollectionPane(FireModel model, Background background) {
        super(6);
        this.model = model;
        this.background = background;
        list = new ListView<>(model.collection());
        requestName.setPromptText("name for the current form");
        list.setPlaceholder(new Label("Add the current form, or open a collection file."));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.load(list.getSelectionModel().getSelectedItem());
            }
        });
        Button add = Ui.small("Add current", e -> {
            model.keepCurrent(requestName.getText());
            requestName.clear();
        });
        Button remove = Ui.small("Remove", e -> model.collection().remove(list.getSelectionModel().getSelectedItem()));
        Button fireAll = Ui.small("Fire all", e -> model.fireCollection());
        Button save = Ui.small("Save…", e -> save());
        Button open = Ui.small("Open…", e -> open());
        Label label = new Label("Collection");
        label.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(Ui.row(label, Ui.grow(name)), Ui.row(Ui.grow(requestName), add), Ui.grow(list),
                Ui.row(remove, fireAll, save, open));
        setPadding(new Insets(6));
    }

    private void save() {
        FileChooser chooser = jsonChooser("Save request collection");
        chooser.setInitialFileName(name.getText().replaceAll("[^A-Za-z0-9._-]+", "-") + ".json");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        RequestCollection c = new RequestCollection(name.getText(), List.copyOf(model.collection()));
        background.run(() -> {
            c.save(file.toPath());
            return file;
        }, f -> model.tell(Notice.ok("saved " + c.requests().size() + " requests to " + f)),
                e -> model.tell(Notice.error("cannot save: " + Json.describe(e))));
    }

    private void open() {
        File file = jsonChooser("Open request collection").showOpenDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        background.run(() -> RequestCollection.load(file.toPath()), c -> {
            name.setText(c.name());
            model.collection().setAll(c.requests());
            model.tell(Notice.ok("opened " + c.name() + ": " + c.requests().size()
                    + " requests (double-click one to load it)"));
        }, e -> model.tell(Notice.error("cannot open: " + Json.describe(e))));
    }

    private static FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Request collections (*.json)", "*.json"));
        return chooser;
    }
}
