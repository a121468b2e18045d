package dev.switchboard.console.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.core.Json;
import java.util.Iterator;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A collapsible JSON tree with expand, collapse and copy. Children are built when a node is first
 * expanded, so a large payload costs nothing until someone opens it.
 */
public final class JsonTreeView extends VBox {

    private static final int MAX_SCALAR = 300;

    private final TreeView<String> tree = new TreeView<>();
    private JsonNode value;

    public JsonTreeView() {
        super(6);
        tree.getStyleClass().add("json-tree");
        tree.setShowRoot(true);
        Button expand = Ui.button("Expand all", e -> setExpanded(tree.getRoot(), true, 0));
        Button collapse = Ui.button("Collapse", e -> {
            if (tree.getRoot() != null) {
                setExpanded(tree.getRoot(), false, 0);
                tree.getRoot().setExpanded(true);
            }
        });
        Button copy = Ui.button("Copy JSON", e -> Ui.copy(value == null ? "" : Json.pretty(value)));
        for (Button b : new Button[] {expand, collapse, copy}) {
            b.getStyleClass().add("small");
        }
        HBox bar = new HBox(6, expand, collapse, copy);
        getChildren().addAll(bar, Ui.grow(tree));
    }

    public TreeView<String> tree() {
        return tree;
    }

    public JsonNode value() {
        return value;
    }

    public void setJson(String rootLabel, JsonNode node) {
        this.value = node;
        if (node == null) {
            tree.setRoot(null);
            return;
        }
        TreeItem<String> root = item(rootLabel, node);
        tree.setRoot(root);
        root.setExpanded(true);
        // open the first two levels: most replies are { status, thing: {...} }
        for (TreeItem<String> child : root.getChildren()) {
            if (child.getChildren().size() <= 30) {
                child.setExpanded(true);
            }
        }
    }

    private static void setExpanded(TreeItem<String> item, boolean expanded, int depth) {
        if (item == null || item.isLeaf() || depth > 12) {
            return;
        }
        item.setExpanded(expanded);
        for (TreeItem<String> child : item.getChildren()) {
            setExpanded(child, expanded, depth + 1);
        }
    }

    static TreeItem<String> item(String key, JsonNode node) {
        if (node.isObject()) {
            return new LazyItem(key + "  {" + node.size() + "}", node);
        }
        if (node.isArray()) {
            return new LazyItem(key + "  [" + node.size() + "]", node);
        }
        String scalar = Json.compact(node);
        if (scalar.length() > MAX_SCALAR) {
            scalar = scalar.substring(0, MAX_SCALAR) + "… (" + scalar.length() + " chars)";
        }
        return new TreeItem<>(key + ": " + scalar);
    }

    /** A container node whose children are created on first access. */
    private static final class LazyItem extends TreeItem<String> {
        private final JsonNode node;
        private boolean built;

        LazyItem(String label, JsonNode node) {
            super(label);
            this.node = node;
        }

        @Override
        public boolean isLeaf() {
            return node.size() == 0;
        }

        @Override
        public ObservableList<TreeItem<String>> getChildren() {
            if (!built) {
                built = true;
                if (node.isObject()) {
                    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                    while (it.hasNext()) {
                        var e = it.next();
                        super.getChildren().add(item(e.getKey(), e.getValue()));
                    }
                } else {
                    for (int i = 0; i < node.size(); i++) {
                        super.getChildren().add(item("[" + i + "]", node.get(i)));
                    }
                }
            }
            return super.getChildren();
        }
    }
}
