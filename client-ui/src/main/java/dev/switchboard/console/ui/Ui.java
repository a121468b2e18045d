package dev.switchboard.console.ui;

import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small building blocks every view uses, so they look and behave alike. */
public final class Ui {

    private Ui() {
    }

    public static Button button(String text, EventHandler<ActionEvent> action) {
        Button b = new Button(text);
        b.setMinWidth(Region.USE_PREF_SIZE); // a button shows its whole label or the layout gives way elsewhere
        b.setMnemonicParsing(false); // labels such as "Missing user_id" keep their underscore
        b.setOnAction(action);
        return b;
    }

    public static Button primary(String text, EventHandler<ActionEvent> action) {
        Button b = button(text, action);
        b.getStyleClass().add("primary");
        return b;
    }

    /** A compact secondary button, never squeezed below its text. */
    public static Button small(String text, EventHandler<ActionEvent> action) {
        Button b = button(text, action);
        b.getStyleClass().add("small");
        return b;
    }

    /** A read-only monospace area for JSON and tokens. */
    public static TextArea codeArea(boolean editable) {
        TextArea area = new TextArea();
        area.getStyleClass().add("code");
        area.setEditable(editable);
        area.setWrapText(false);
        return area;
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("view-title");
        return l;
    }

    public static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-heading");
        return l;
    }

    public static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    /** A white card with a heading. */
    public static VBox card(String heading, Node... content) {
        VBox box = new VBox(8);
        box.getStyleClass().add("card");
        if (heading != null) {
            box.getChildren().add(heading(heading));
        }
        box.getChildren().addAll(content);
        return box;
    }

    public static HBox row(Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    public static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    public static VBox page(Node... content) {
        VBox box = new VBox(12, content);
        box.setPadding(new Insets(16));
        box.getStyleClass().add("page");
        return box;
    }

    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text == null ? "" : text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    public static <T extends Node> T grow(T node) {
        VBox.setVgrow(node, Priority.ALWAYS);
        HBox.setHgrow(node, Priority.ALWAYS);
        return node;
    }
}
