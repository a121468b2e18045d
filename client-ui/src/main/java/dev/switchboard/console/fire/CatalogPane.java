package dev.switchboard.console.fire;

import dev.switchboard.console.ui.Ui;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;

/** Every listener of the catalog as a searchable tree, grouped; picking one selects it in the model. */
final class CatalogPane extends VBox {

    private final FireModel model;
    final TextField search = new TextField();
    final TreeView<Object> tree = new TreeView<>();

    CatalogPane(FireModel model) {
        super(8);
        this.model = model;
        search.setPromptText("search events (Ctrl+F)");
        search.setId("catalog-search");
        search.textProperty().addListener((o, a, b) -> fill(b));
        tree.setId("fire-catalog");
        tree.setShowRoot(false);
        tree.setCellFactory(tv -> new EventCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue() instanceof EventSpec spec && spec != model.event().get()) {
                model.select(spec);
            }
        });
        model.event().addListener((o, a, spec) -> selectInTree(spec));
        fill("");
        getChildren().addAll(Ui.heading("Listeners"), search, Ui.grow(tree));
        setMinWidth(200);
        getStyleClass().add("side-pane");
    }

    private static final class EventCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("catalog-group", "catalog-event");
            if (empty || item == null) {
                setText(null);
            } else if (item instanceof EventSpec spec) {
                setText(spec.name().substring(spec.name().indexOf('/') + 1) + (spec.pushes().isEmpty() ? "" : "  ⇢"));
                getStyleClass().add("catalog-event");
            } else {
                setText(item.toString());
                getStyleClass().add("catalog-group");
            }
        }
    }

    private void fill(String filter) {
        String f = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        Map<String, TreeItem<Object>> groups = new LinkedHashMap<>();
        List<EventSpec> all = new ArrayList<>(EventCatalog.listeners());
        all.addAll(EventCatalog.listeners(EventCatalog.ADMIN));
        for (EventSpec spec : all) {
            if (!f.isEmpty() && !spec.name().toLowerCase(Locale.ROOT).contains(f)
                    && !spec.description().toLowerCase(Locale.ROOT).contains(f)) {
                continue;
            }
            String group = spec.group() + (EventCatalog.ADMIN.equals(spec.namespace()) ? "  (/admin)" : "");
            groups.computeIfAbsent(group, g -> {
                TreeItem<Object> item = new TreeItem<>(g);
                item.setExpanded(true);
                return item;
            }).getChildren().add(new TreeItem<>(spec));
        }
        TreeItem<Object> root = new TreeItem<>("catalog");
        root.getChildren().setAll(groups.values());
        tree.setRoot(root);
        selectInTree(model.event().get());
    }

    private void selectInTree(EventSpec spec) {
        if (tree.getRoot() == null || spec == null) {
            return;
        }
        for (TreeItem<Object> group : tree.getRoot().getChildren()) {
            for (TreeItem<Object> item : group.getChildren()) {
                if (item.getValue() == spec && tree.getSelectionModel().getSelectedItem() != item) {
                    tree.getSelectionModel().select(item);
                }
            }
        }
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
