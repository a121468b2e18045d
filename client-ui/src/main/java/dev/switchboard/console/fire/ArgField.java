package dev.switchboard.console.fire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.console.core.Background;
import dev.switchboard.console.core.InvalidJsonException;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.data.Ids;
import dev.switchboard.console.ui.ChoiceSource;
import dev.switchboard.console.ui.IdPicker;
import dev.switchboard.console.ui.Ui;
import dev.switchboard.protocol.catalog.ArgSpec;
import dev.switchboard.protocol.catalog.ArgType;
import dev.switchboard.protocol.catalog.IdKind;
import java.io.File;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The controls for one argument, generated from its {@link ArgSpec}: an id picker for ids, a JSON editor
 * for objects, a file chooser for images… Edits go into the {@link ArgInput}; {@code onChange} refreshes
 * the preview.
 */
final class ArgField {

    private final ArgInput input;
    private final Background background;
    private final ChoiceSource choices;
    private final Runnable onChange;
    private final Consumer<String> onError;
    private final CheckBox include = new CheckBox();
    private final Label name = new Label();
    private final Label message = new Label();
    private final VBox editor = new VBox(4);
    private TextInputControl textControl;
    private IdPicker picker;
    private CheckBox boolBox;
    private CheckBox objectMode;

    ArgField(ArgInput input, Background background, ChoiceSource choices, Runnable onChange, Consumer<String> onError) {
        this.input = input;
        this.background = background;
        this.choices = choices;
        this.onChange = onChange;
        this.onError = onError;
        ArgSpec spec = input.spec();
        name.setText(spec.name());
        name.getStyleClass().add("arg-name");
        include.setSelected(input.included());
        include.setDisable(!spec.optional());
        include.setText(spec.optional() ? "send" : "");
        include.setVisible(spec.optional());
        include.selectedProperty().addListener((o, a, b) -> {
            input.setIncluded(b);
            editor.setDisable(!input.included());
            changed();
        });
        editor.setDisable(!input.included());
        message.getStyleClass().add("arg-message");
        message.setId("arg-" + spec.name() + "-message");
        message.setWrapText(true);
        build(spec);
        refreshMessage();
    }

    ArgInput input() {
        return input;
    }

    Node nameNode() {
        Label type = new Label(typeText(input.spec()));
        type.getStyleClass().add("arg-type");
        VBox box = new VBox(2, name, type, include);
        box.setMinWidth(130);
        box.setMaxWidth(170);
        type.setWrapText(true);
        include.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    Node editorNode() {
        VBox box = new VBox(4, editor, message);
        Label description = new Label(input.spec().description());
        description.getStyleClass().add("hint");
        description.setWrapText(true);
        box.getChildren().add(1, description);
        return box;
    }

    static String typeText(ArgSpec s) {
        String t = switch (s.type()) {
            case ID -> "id of " + s.idOf().name().toLowerCase();
            case ID_LIST -> "ids of " + s.idOf().name().toLowerCase() + "s";
            case PAGE -> "page";
            case TEXT -> s.maxLength() > 0 ? "text " + s.minLength() + "–" + s.maxLength() : "text";
            case BOOLEAN -> "boolean";
            case OBJECT -> "JSON object";
            case IMAGE -> "image, base64";
            case TEXT_OR_OBJECT -> "text or { " + s.objectField() + " }";
        };
        if (s.optional()) {
            t += ", optional" + (s.defaultValue() == null ? "" : ", default " + s.defaultValue());
        }
        return t;
    }

    private void build(ArgSpec spec) {
        switch (spec.type()) {
            case ID -> buildId(spec);
            case ID_LIST -> buildIdList(spec);
            case PAGE, TEXT -> buildText(spec, spec.maxLength() > 120);
            case BOOLEAN -> {
                boolBox = new CheckBox("true");
                boolBox.setMinWidth(Region.USE_PREF_SIZE);
                boolBox.setSelected(input.bool());
                boolBox.selectedProperty().addListener((o, a, b) -> {
                    input.setBool(b);
                    changed();
                });
                editor.getChildren().add(boolBox);
            }
            case OBJECT -> buildObject(spec);
            case IMAGE -> buildImage();
            case TEXT_OR_OBJECT -> {
                buildText(spec, false);
                objectMode = new CheckBox("send as { " + spec.objectField() + ": … }");
                objectMode.setSelected(input.objectMode());
                objectMode.selectedProperty().addListener((o, a, b) -> {
                    input.setObjectMode(b);
                    changed();
                });
                editor.getChildren().add(objectMode);
            }
        }
    }

    private void buildId(ArgSpec spec) {
        if (spec.idOf() == IdKind.NONE || spec.idOf() == IdKind.SOCKET) {
            buildText(spec, false);
            return;
        }
        picker = new IdPicker(spec.idOf(), background, choices);
        picker.setOnError(onError);
        picker.setOnChange(() -> {
            input.setText(picker.selectedId());
            changed();
        });
        picker.setId("arg-" + spec.name());
        if (!input.text().isBlank()) {
            picker.setId(input.text(), null);
        }
        editor.getChildren().add(picker);
    }

    private void buildIdList(ArgSpec spec) {
        TextField ids = new TextField(input.text());
        ids.getStyleClass().add("code");
        ids.setPromptText("ids separated by commas, or a JSON array");
        textControl = ids;
        ids.textProperty().addListener((o, a, b) -> {
            input.setText(b);
            changed();
        });
        IdPicker add = new IdPicker(spec.idOf(), background, choices);
        add.setOnError(onError);
        add.setPromptText("search to add…");
        Button addButton = Ui.button("Add", e -> {
            String id = add.selectedId();
            if (!id.isEmpty()) {
                ids.setText(ids.getText().isBlank() ? id : ids.getText().trim() + ", " + id);
                add.setId(null, null);
            }
        });
        addButton.getStyleClass().add("small");
        editor.getChildren().addAll(ids, Ui.row(Ui.grow(add), addButton));
    }

    private void buildText(ArgSpec spec, boolean multiline) {
        TextInputControl control = multiline ? new TextArea(input.text()) : new TextField(input.text());
        if (control instanceof TextArea area) {
            area.setPrefRowCount(3);
            area.setWrapText(true);
        }
        control.setId("arg-" + spec.name());
        textControl = control;
        control.textProperty().addListener((o, a, b) -> {
            input.setText(b);
            changed();
        });
        editor.getChildren().add(control);
    }

    private void buildObject(ArgSpec spec) {
        TextArea area = Ui.codeArea(true);
        area.setText(input.text());
        area.setPrefRowCount(Math.min(12, Math.max(5, (int) input.text().lines().count() + 1)));
        area.setId("arg-" + spec.name());
        area.setPrefColumnCount(44); // "to" : "62fc0c0c2b83bd50cb5fef05", fits on one line
        area.setMinWidth(Region.USE_PREF_SIZE);
        textControl = area;
        area.textProperty().addListener((o, a, b) -> {
            input.setText(b);
            changed();
        });
        Button format = Ui.button("Format", e -> {
            try {
                area.setText(Json.pretty(Json.parse(area.getText())));
            } catch (InvalidJsonException ex) {
                refreshMessage();
            }
        });
        format.getStyleClass().add("small");
        Button reset = Ui.button("Example", e -> area.setText(new ArgInput(spec).text()));
        reset.getStyleClass().add("small");
        editor.getChildren().addAll(area, Ui.row(format, reset));
        String idField = firstIdField(spec.example());
        if (idField != null) {
            // e.g. message/new's data.to: pick the recipient instead of pasting an id
            IdPicker recipient = new IdPicker(IdKind.USER, background, choices);
            recipient.setOnError(onError);
            recipient.setPromptText("search a user for \"" + idField + "\"");
            recipient.setId("arg-" + spec.name() + "-" + idField);
            recipient.setOnChange(() -> {
                String id = recipient.selectedId();
                if (Ids.isObjectId(id)) {
                    setField(area, idField, id);
                }
            });
            Label to = new Label(idField + ":");
            to.setMinWidth(Region.USE_PREF_SIZE);
            editor.getChildren().add(Ui.row(to, Ui.grow(recipient)));
        }
    }

    private static String firstIdField(String example) {
        if (example == null) {
            return null;
        }
        try {
            JsonNode node = Json.parse(example);
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (e.getValue().isTextual() && Ids.isObjectId(e.getValue().asText())) {
                    return e.getKey();
                }
            }
        } catch (InvalidJsonException e) {
            return null;
        }
        return null;
    }

    private void setField(TextArea area, String field, String value) {
        try {
            JsonNode node = Json.parse(area.getText());
            if (node instanceof ObjectNode object) {
                object.put(field, value);
                area.setText(Json.pretty(object));
            }
        } catch (InvalidJsonException e) {
            onError.accept("fix the JSON of " + input.spec().name() + " first: " + e.getMessage());
        }
    }

    private void buildImage() {
        Label chosen = new Label("no image chosen");
        chosen.getStyleClass().add("hint");
        Button choose = Ui.button("Choose image…", e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Image for " + input.spec().name());
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                    "*.gif", "*.webp"));
            File file = chooser.showOpenDialog(editor.getScene().getWindow());
            if (file != null) {
                chosen.setText("reading " + file.getName() + "…");
                background.run(() -> SampleImage.base64Of(file.toPath()), b64 -> {
                    input.setText(b64);
                    chosen.setText(file.getName() + " · " + SampleImage.decodedSize(b64) + " · "
                            + b64.length() + " base64 characters");
                    changed();
                }, ex -> onError.accept("cannot read " + file + ": " + Json.describe(ex)));
            }
        });
        Button sample = Ui.button("Use a generated image", e -> {
            String b64 = SampleImage.generatedBase64();
            input.setText(b64);
            chosen.setText("generated 96×96 PNG · " + SampleImage.decodedSize(b64));
            changed();
        });
        sample.setId("arg-" + input.spec().name() + "-sample");
        editor.getChildren().addAll(Ui.row(choose, sample), chosen);
    }

    private void changed() {
        refreshMessage();
        onChange.run();
    }

    private void refreshMessage() {
        ArgValue v = input.value();
        message.getStyleClass().removeAll("arg-error", "arg-warning");
        if (v.error() != null) {
            message.setText(v.error());
            message.getStyleClass().add("arg-error");
        } else if (v.warning() != null) {
            message.setText(v.warning());
            message.getStyleClass().add("arg-warning");
        } else if (input.spec().type() == ArgType.TEXT && input.spec().maxLength() > 0) {
            message.setText(input.text().trim().length() + " / " + input.spec().maxLength());
        } else {
            message.setText("");
        }
    }

    /** Sets an id argument programmatically (tests, scripted screenshots). */
    void setId(String id, String label) {
        if (picker != null) {
            picker.setId(id, label);
            input.setText(id);
            changed();
        } else if (textControl != null) {
            textControl.setText(id);
        }
    }

    void setText(String text) {
        include.setSelected(true);
        if (textControl != null) {
            textControl.setText(text);
        } else if (picker != null) {
            setId(text, null);
        } else {
            input.setText(text);
            changed();
        }
    }
}
