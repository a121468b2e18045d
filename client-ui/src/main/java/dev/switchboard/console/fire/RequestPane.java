package dev.switchboard.console.fire;

import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.core.Background;
import dev.switchboard.console.ui.ChoiceSource;
import dev.switchboard.console.ui.Notice;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The middle of the Fire view: the chosen event, a form generated from its argument specs, the exact
 * arguments they make, and the connection to fire through.
 */
final class RequestPane extends ScrollPane {

    private final FireModel model;
    private final Background background;
    private final ChoiceSource choices;
    private final Label eventName = Ui.title("Choose an event");
    private final Label eventInfo = Ui.hint("");
    private final GridPane form = new GridPane();
    private final List<ArgField> fields = new ArrayList<>();
    final TextArea preview = Ui.codeArea(false);
    private final Label previewWarnings = new Label();
    final ChoiceBox<LiveConnection> connection = new ChoiceBox<>();
    final Button fireButton;
    private final StatusLine status = new StatusLine();

    RequestPane(FireModel model, Background background, ChoiceSource choices) {
        this.model = model;
        this.background = background;
        this.choices = choices;
        form.setHgap(12);
        form.setVgap(14);
        ColumnConstraints nameCol = new ColumnConstraints();
        nameCol.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints editorCol = new ColumnConstraints();
        editorCol.setHgrow(Priority.ALWAYS);
        editorCol.setFillWidth(true);
        form.getColumnConstraints().setAll(nameCol, editorCol);
        preview.setPrefRowCount(9);
        preview.setId("fire-preview");
        previewWarnings.setWrapText(true);
        previewWarnings.getStyleClass().add("arg-warning");

        connection.setId("fire-connection");
        connection.setMaxWidth(Double.MAX_VALUE);
        connection.setItems(model.usableConnections());
        connection.valueProperty().bindBidirectional(model.connection());
        connection.setConverter(new StringConverter<>() {
            @Override
            public String toString(LiveConnection c) {
                return c == null ? "" : c.display() + "  ·  " + c.status().label().toLowerCase();
            }

            @Override
            public LiveConnection fromString(String s) {
                return null;
            }
        });
        fireButton = Ui.primary("Fire  (Ctrl+Enter)", e -> model.fire());
        fireButton.setId("fire-button");
        fireButton.setMinWidth(Region.USE_PREF_SIZE);
        Label through = new Label("Through");
        through.setMinWidth(Region.USE_PREF_SIZE);
        status.follow(model.notice());

        VBox content = new VBox(12, eventName, eventInfo, Ui.card("Arguments", form),
                Ui.card("Exact arguments sent", preview, previewWarnings),
                Ui.card("Send", Ui.row(through, Ui.grow(connection), fireButton), status));
        content.setPadding(new Insets(4, 12, 12, 12));
        setContent(content);
        setFitToWidth(true);
        model.inputs().addListener((o, a, inputs) -> showForm(model.event().get(), inputs));
        model.prepared().addListener((o, a, p) -> showPreview(p));
        showForm(model.event().get(), model.inputs().get());
        showPreview(model.prepared().get());
    }

    private void showForm(EventSpec spec, List<ArgInput> inputs) {
        eventName.setText(spec.name());
        String ns = EventCatalog.MAIN.equals(spec.namespace()) ? "" : "namespace " + spec.namespace() + " · ";
        eventInfo.setText(ns + spec.description()
                + (spec.resultFields().isEmpty() ? "" : "\nreplies { status, " + String.join(", ", spec.resultFields()) + " }")
                + (spec.pushes().isEmpty() ? "" : "\npushes " + String.join(", ", spec.pushes())));
        form.getChildren().clear();
        fields.clear();
        int row = 0;
        for (ArgInput input : inputs) {
            ArgField field = new ArgField(input, background, choices, model::argumentsChanged,
                    message -> model.tell(Notice.error(message)));
            fields.add(field);
            form.addRow(row++, field.nameNode(), field.editorNode());
        }
        if (inputs.isEmpty()) {
            form.addRow(0, Ui.hint("This listener takes no arguments."));
        }
    }

    private void showPreview(PreparedArgs p) {
        int n = p.args().size();
        String header = p.sendable() ? "// " + model.event().get().name() + ", " + (n == 0 ? "no arguments"
                : n == 1 ? "1 argument" : n + " arguments") + ", then the ack\n"
                : "// not sendable yet: fix the argument marked in red above\n";
        preview.setText(header + (n == 0 ? "[ ]" : p.preview()));
        // errors show once, under their own field; only what the server will likely refuse is repeated here
        List<String> warnings = p.warnings().stream().map(w -> "⚠ " + w).toList();
        previewWarnings.setText(String.join("\n", warnings));
        previewWarnings.setVisible(!warnings.isEmpty());
        previewWarnings.setManaged(!warnings.isEmpty());
    }

    /** Fills an argument's field as if typed. */
    void setArgument(String name, String text) {
        fields.stream().filter(f -> f.input().spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no argument " + name + " on " + model.event().get().name()))
                .setText(text);
    }

    /** The field of that argument, for tests. */
    ArgField field(String name) {
        return fields.stream().filter(f -> f.input().spec().name().equals(name)).findFirst().orElseThrow();
    }
}
