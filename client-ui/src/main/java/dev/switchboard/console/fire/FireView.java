package dev.switchboard.console.fire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.ConsoleView;
import dev.switchboard.console.connections.AckOutcome;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import dev.switchboard.protocol.catalog.EventCatalog;
import dev.switchboard.protocol.catalog.EventSpec;
import java.io.File;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Fire any listener: the catalog as a searchable tree, a form generated from the chosen event's argument
 * specs, the exact arguments, and the ack with its round trip. History and named collections replay requests.
 */
public final class FireView implements ConsoleView {

    private final ConsoleContext ctx;
    private final SplitPane root;

    final TextField search = new TextField();
    final TreeView<Object> catalog = new TreeView<>();
    private final Label eventName = Ui.title("Choose an event");
    private final Label eventInfo = new Label();
    private final GridPane form = new GridPane();
    private final List<ArgField> fields = new ArrayList<>();
    final TextArea preview = Ui.codeArea(false);
    private final Label previewProblems = new Label();
    public final ChoiceBox<LiveConnection> connection = new ChoiceBox<>();
    private final FilteredList<LiveConnection> usableConnections;
    final Button fireButton = Ui.primary("Fire  (Ctrl+Enter)", e -> fire());
    private final StatusLine status = new StatusLine();

    public final Label ackStatus = new Label();
    final TextArea ackBody = Ui.codeArea(false);
    final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ListView<HistoryEntry> historyList = new ListView<>(history);
    private final ObservableList<SavedRequest> collection = FXCollections.observableArrayList();
    private final ListView<SavedRequest> collectionList = new ListView<>(collection);
    private final TextField collectionName = new TextField("my requests");
    private final TextField requestName = new TextField();

    private EventSpec current;

    public FireView(ConsoleContext ctx) {
        this.ctx = ctx;
        usableConnections = new FilteredList<>(ctx.connectionList(), c -> current != null
                && c.namespace().equals(current.namespace()));
        connection.setItems(usableConnections);
        usableConnections.addListener((javafx.collections.ListChangeListener<LiveConnection>) ch -> {
            if (connection.getValue() == null || !usableConnections.contains(connection.getValue())) {
                connection.setValue(usableConnections.stream().filter(LiveConnection::isConnected).findFirst()
                        .orElse(usableConnections.isEmpty() ? null : usableConnections.get(0)));
            }
        });
        root = new SplitPane(catalogPane(), formPane(), resultPane());
        root.setDividerPositions(0.22, 0.6);
        root.getStyleClass().add("page");
        select(EventCatalog.require("message/new"));
    }

    private Node catalogPane() {
        search.setPromptText("search events (Ctrl+F)");
        search.setId("catalog-search");
        search.textProperty().addListener((o, a, b) -> fillCatalog(b));
        catalog.setShowRoot(false);
        catalog.setCellFactory(tv -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("catalog-group", "catalog-event");
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof EventSpec spec) {
                    setText(spec.name().substring(spec.name().indexOf('/') + 1)
                            + (spec.pushes().isEmpty() ? "" : "  ⇢"));
                    getStyleClass().add("catalog-event");
                } else {
                    setText(item.toString());
                    getStyleClass().add("catalog-group");
                }
            }
        });
        catalog.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && item.getValue() instanceof EventSpec spec && spec != current) {
                select(spec);
            }
        });
        fillCatalog("");
        VBox box = new VBox(8, Ui.heading("Listeners"), search, Ui.grow(catalog));
        box.setMinWidth(200);
        box.getStyleClass().add("side-pane");
        return box;
    }

    private void fillCatalog(String filter) {
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
        TreeItem<Object> rootItem = new TreeItem<>("catalog");
        rootItem.getChildren().setAll(groups.values());
        catalog.setRoot(rootItem);
    }

    private Node formPane() {
        eventInfo.setWrapText(true);
        eventInfo.getStyleClass().add("hint");
        form.setHgap(12);
        form.setVgap(14);
        ColumnConstraints nameCol = new ColumnConstraints();
        nameCol.setMinWidth(130);
        ColumnConstraints editorCol = new ColumnConstraints();
        editorCol.setHgrow(Priority.ALWAYS);
        editorCol.setFillWidth(true);
        form.getColumnConstraints().setAll(nameCol, editorCol);
        preview.setPrefRowCount(9);
        preview.setId("fire-preview");
        previewProblems.setWrapText(true);
        previewProblems.getStyleClass().add("arg-warning");
        connection.setMaxWidth(Double.MAX_VALUE);
        connection.setId("fire-connection");
        fireButton.setId("fire-button");
        VBox content = new VBox(12, eventName, eventInfo,
                Ui.card("Arguments", form),
                Ui.card("Exact arguments sent", preview, previewProblems),
                Ui.card("Send", Ui.row(new Label("Through"), Ui.grow(connection), fireButton), status));
        content.setPadding(new javafx.geometry.Insets(4, 12, 12, 12));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node resultPane() {
        ackStatus.getStyleClass().add("ack-status");
        ackStatus.setId("ack-status");
        ackStatus.setText("no reply yet");
        ackBody.setId("ack-body");
        VBox ack = Ui.card("Reply (ack)", ackStatus, Ui.grow(ackBody));

        historyList.setPlaceholder(new Label("Fired requests appear here."));
        historyList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
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
        historyList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                loadSelectedHistory();
            }
        });
        Button load = small("Load", e -> loadSelectedHistory());
        Button refire = small("Re-fire", e -> {
            HistoryEntry h = historyList.getSelectionModel().getSelectedItem();
            if (h != null) {
                load(h.request());
                fire();
            }
        });
        Button keep = small("Add to collection", e -> {
            HistoryEntry h = historyList.getSelectionModel().getSelectedItem();
            if (h != null) {
                collection.add(h.request());
            }
        });
        VBox historyBox = new VBox(6, Ui.grow(historyList), Ui.row(load, refire, keep));
        historyBox.setPadding(new javafx.geometry.Insets(6));

        requestName.setPromptText("name for the current form");
        collectionList.setPlaceholder(new Label("Add the current form, or open a collection file."));
        collectionList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && collectionList.getSelectionModel().getSelectedItem() != null) {
                load(collectionList.getSelectionModel().getSelectedItem());
            }
        });
        Button add = small("Add current", e -> addCurrentToCollection());
        Button remove = small("Remove", e -> collection.remove(collectionList.getSelectionModel().getSelectedItem()));
        Button fireAll = small("Fire all", e -> fireCollection());
        Button save = small("Save…", e -> saveCollection());
        Button open = small("Open…", e -> openCollection());
        VBox collectionBox = new VBox(6, Ui.row(new Label("Collection"), Ui.grow(collectionName)),
                Ui.row(Ui.grow(requestName), add), Ui.grow(collectionList), Ui.row(remove, fireAll, save, open));
        collectionBox.setPadding(new javafx.geometry.Insets(6));

        TabPane tabs = new TabPane(new Tab("History", historyBox), new Tab("Collection", collectionBox));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(ack, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        split.setMinWidth(300);
        return split;
    }

    private static Button small(String text, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button b = Ui.button(text, action);
        b.getStyleClass().add("small");
        return b;
    }

    /** Shows the form of one event. */
    public void select(EventSpec spec) {
        current = spec;
        eventName.setText(spec.name());
        String ns = EventCatalog.MAIN.equals(spec.namespace()) ? "" : "namespace " + spec.namespace() + " · ";
        eventInfo.setText(ns + spec.description()
                + (spec.resultFields().isEmpty() ? "" : "\nreplies { status, " + String.join(", ", spec.resultFields()) + " }")
                + (spec.pushes().isEmpty() ? "" : "\npushes " + String.join(", ", spec.pushes())));
        form.getChildren().clear();
        fields.clear();
        int row = 0;
        for (var arg : spec.args()) {
            ArgField field = new ArgField(new ArgInput(arg), ctx.background(), ctx.choiceSource(),
                    this::refreshPreview, status::error);
            fields.add(field);
            form.addRow(row++, field.nameNode(), field.editorNode());
        }
        if (spec.args().isEmpty()) {
            form.addRow(0, Ui.hint("This listener takes no arguments."));
        }
        usableConnections.setPredicate(c -> c.namespace().equals(spec.namespace()));
        if (connection.getValue() == null || !usableConnections.contains(connection.getValue())) {
            connection.setValue(usableConnections.isEmpty() ? null : usableConnections.get(0));
        }
        status.clear();
        refreshPreview();
        selectInTree(spec);
    }

    private void selectInTree(EventSpec spec) {
        if (catalog.getRoot() == null) {
            return;
        }
        for (TreeItem<Object> group : catalog.getRoot().getChildren()) {
            for (TreeItem<Object> item : group.getChildren()) {
                if (item.getValue() == spec && catalog.getSelectionModel().getSelectedItem() != item) {
                    catalog.getSelectionModel().select(item);
                }
            }
        }
    }

    private PreparedArgs prepared() {
        return PreparedArgs.from(fields.stream().map(ArgField::input).toList());
    }

    private void refreshPreview() {
        PreparedArgs p = prepared();
        int n = p.args().size();
        preview.setText("// " + current.name() + ", " + (n == 0 ? "no arguments" : n == 1 ? "1 argument"
                : n + " arguments") + ", then the ack\n"
                + (n == 0 ? "[ ]" : p.preview()));
        List<String> problems = new ArrayList<>(p.errors());
        p.warnings().forEach(w -> problems.add("⚠ " + w));
        previewProblems.setText(String.join("\n", problems));
        previewProblems.setVisible(!problems.isEmpty());
        previewProblems.setManaged(!problems.isEmpty());
    }

    /** Ctrl+Enter. */
    public void fire() {
        PreparedArgs p = prepared();
        if (!p.sendable()) {
            status.error("cannot fire: " + String.join("; ", p.errors()));
            return;
        }
        fire(new SavedRequest(current.name(), current.name(), p.args()));
    }

    private void fire(SavedRequest request) {
        LiveConnection conn = connection.getValue();
        if (conn == null) {
            status.error("no connection on " + current.namespace() + ": open one in Connections (Ctrl+2)"
                    + (EventCatalog.ADMIN.equals(current.namespace()) ? " with namespace /admin" : ""));
            return;
        }
        HistoryEntry entry = new HistoryEntry(LocalTime.now(), conn.display(), request, null, 0);
        history.add(0, entry);
        status.busy("fired " + request.event() + " through " + conn.display() + "…");
        ackStatus.setText("waiting for the ack…");
        setAckStyle("ack-pending");
        ctx.connections().emit(conn, request.event(), request.args(),
                outcome -> Platform.runLater(() -> showAck(entry, outcome)));
    }

    private void showAck(HistoryEntry entry, AckOutcome outcome) {
        int index = history.indexOf(entry);
        if (index >= 0) {
            history.set(index, entry.answered(outcome.status(), outcome.rttMillis()));
        }
        ackStatus.setText(outcome.status() + "  ·  " + outcome.rttMillis() + " ms  ·  " + entry.request().event()
                + "  ·  " + entry.connection());
        setAckStyle(outcome.ok() ? "ack-ok" : "ack-error");
        JsonNode reply = outcome.reply();
        ackBody.setText(reply == null ? "(no reply: " + outcome.status() + ")" : Json.pretty(reply));
        if (outcome.ok()) {
            status.ok("ok in " + outcome.rttMillis() + " ms");
        } else {
            String error = reply == null ? outcome.status() : reply.path("error").asText(outcome.status());
            status.error(outcome.status() + ": " + error);
        }
    }

    private void setAckStyle(String style) {
        ackStatus.getStyleClass().removeAll("ack-ok", "ack-error", "ack-pending");
        ackStatus.getStyleClass().add(style);
    }

    private void loadSelectedHistory() {
        HistoryEntry h = historyList.getSelectionModel().getSelectedItem();
        if (h != null) {
            load(h.request());
        }
    }

    /** Puts a saved request back into the form. */
    public void load(SavedRequest request) {
        select(EventCatalog.require(request.event()));
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).load(i < request.args().size() ? request.args().get(i) : null);
        }
        refreshPreview();
    }

    private void addCurrentToCollection() {
        PreparedArgs p = prepared();
        if (!p.sendable()) {
            status.error("cannot keep this request: " + String.join("; ", p.errors()));
            return;
        }
        String name = requestName.getText().isBlank() ? current.name() : requestName.getText().trim();
        collection.add(new SavedRequest(name, current.name(), p.args()));
        requestName.clear();
    }

    private void fireCollection() {
        if (collection.isEmpty()) {
            status.warn("the collection is empty");
            return;
        }
        for (SavedRequest r : collection) {
            load(r);
            fire(r);
        }
    }

    private void saveCollection() {
        FileChooser chooser = jsonChooser("Save request collection");
        chooser.setInitialFileName(collectionName.getText().replaceAll("[^A-Za-z0-9._-]+", "-") + ".json");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        RequestCollection c = new RequestCollection(collectionName.getText(), List.copyOf(collection));
        ctx.background().run(() -> {
            c.save(file.toPath());
            return file;
        }, f -> status.ok("saved " + c.requests().size() + " requests to " + f),
                e -> status.error("cannot save: " + Json.describe(e)));
    }

    private void openCollection() {
        File file = jsonChooser("Open request collection").showOpenDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        ctx.background().run(() -> RequestCollection.load(file.toPath()), c -> {
            collectionName.setText(c.name());
            collection.setAll(c.requests());
            status.ok("opened " + c.name() + ": " + c.requests().size() + " requests (double-click one to load it)");
        }, e -> status.error("cannot open: " + Json.describe(e)));
    }

    private static FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Request collections (*.json)", "*.json"));
        return chooser;
    }

    /** Fills an argument's field as if typed (scripted screenshots). */
    public void setArgumentForScreenshot(String name, String text) {
        setArgument(name, text);
    }

    // for tests and scripted screenshots
    void setArgument(String name, String text) {
        fields.stream().filter(f -> f.input().spec().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no argument " + name + " on " + current.name()))
                .setText(text);
    }

    public ObservableList<HistoryEntry> historyEntries() {
        return history;
    }

    public EventSpec current() {
        return current;
    }

    public ObservableList<SavedRequest> collection() {
        return collection;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
