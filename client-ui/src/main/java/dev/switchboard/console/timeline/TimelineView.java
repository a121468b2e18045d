package dev.switchboard.console.timeline;

import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.ConsoleView;
import dev.switchboard.console.connections.LiveConnection;
import dev.switchboard.console.events.ExplainDelivery;
import dev.switchboard.console.events.RevealFrames;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.ui.JsonTreeView;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import java.io.File;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** Every frame of every connection, live, filterable, with the selected payload as a JSON tree. */
public final class TimelineView implements ConsoleView {

    private static final String ALL = "All connections";

    private final ConsoleContext ctx;
    private final TimelineModel model;
    private final VBox root;

    final TextField eventFilter = new TextField();
    final TextField search = new TextField();
    final ChoiceBox<Object> connectionFilter = new ChoiceBox<>();
    private final ToggleButton outgoing = new ToggleButton("→ Out");
    private final ToggleButton incoming = new ToggleButton("← In");
    private final ToggleButton lifecycle = new ToggleButton("● Connect");
    final ToggleButton serverSide = new ToggleButton("◆ Server");
    final Button explain = new Button("Explain delivery");
    final ToggleButton pause = new ToggleButton("Pause");
    private final CheckBox follow = new CheckBox("Follow");
    private final Label counts = new Label();
    public final TableView<Frame> table = new TableView<>();
    private static final String NO_DETAIL = "Select a row to see its payload.";
    private final Label detailTitle = new Label(NO_DETAIL);
    final JsonTreeView detail = new JsonTreeView();
    private final StatusLine status = new StatusLine();
    private final PauseTransition filterLater = new PauseTransition(Duration.millis(200));
    /** The frame the detail pane shows, or null. */
    private Frame shown;

    public TimelineView(ConsoleContext ctx) {
        this.ctx = ctx;
        this.model = ctx.timeline();
        buildTable();
        eventFilter.setPromptText("event name contains…");
        eventFilter.setId("timeline-event-filter");
        search.setPromptText("search payloads (Ctrl+F)");
        search.setId("timeline-search");
        search.setPrefWidth(240);
        connectionFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Object o) {
                return o instanceof LiveConnection c ? c.display() : String.valueOf(o);
            }

            @Override
            public Object fromString(String s) {
                return s;
            }
        });
        refreshConnectionChoices();
        ctx.connectionList().addListener((ListChangeListener<LiveConnection>) ch -> refreshConnectionChoices());
        serverSide.setId("timeline-server-toggle");
        serverSide.setTooltip(new javafx.scene.control.Tooltip(
                "What other clients do on the server (the Server view, Ctrl+8, streams it)"));
        for (ToggleButton t : new ToggleButton[] {outgoing, incoming, lifecycle, serverSide}) {
            t.setSelected(true);
            t.getStyleClass().add("filter-toggle");
            t.selectedProperty().addListener((o, a, b) -> applyFilter());
        }
        filterLater.setOnFinished(e -> applyFilter());
        eventFilter.textProperty().addListener((o, a, b) -> filterLater.playFromStart());
        search.textProperty().addListener((o, a, b) -> filterLater.playFromStart());
        connectionFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        pause.setId("timeline-pause");
        pause.selectedProperty().addListener((o, a, paused) -> {
            model.setPaused(paused);
            pause.setText(paused ? "Resume" : "Pause");
        });
        follow.setSelected(true);
        Button clear = Ui.button("Clear", e -> {
            model.clear();
            showDetail(null);
            status.clear();
        });
        Button export = Ui.button("Export…", e -> export());
        counts.getStyleClass().add("hint");
        counts.setId("timeline-counts");

        explain.setId("timeline-explain");
        explain.setDisable(true);
        explain.setOnAction(e -> {
            Frame f = table.getSelectionModel().getSelectedItem();
            if (f != null && f.kind() == FrameKind.SERVER_PUSH) {
                ctx.events().publish(new ExplainDelivery(f));
            }
        });
        var filters = Ui.row(Ui.grow(eventFilter), connectionFilter, outgoing, incoming, lifecycle, serverSide, search);
        var actions = Ui.row(pause, follow, clear, export, explain, Ui.spacer(), counts);
        detailTitle.getStyleClass().add("section-heading");
        detailTitle.setId("timeline-detail-title");
        detailTitle.setWrapText(true);
        VBox detailBox = new VBox(6, detailTitle, Ui.grow(detail));
        detailBox.getStyleClass().add("card");
        SplitPane split = new SplitPane(table, detailBox);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        root = Ui.page(Ui.title("Timeline"), filters, actions, status, Ui.grow(split));

        new AnimationTimer() {
            @Override
            public void handle(long now) {
                refreshCounts();
            }
        }.start();
        ctx.events().subscribe(RevealFrames.class, e -> reveal(e.seqs()));
    }

    /** Selects the first of these frames (a scenario step's) and scrolls to it. */
    private void reveal(List<Long> seqs) {
        int first = -1;
        for (int i = 0; i < model.visible().size() && first < 0; i++) {
            if (seqs.contains(model.visible().get(i).seq())) {
                first = i;
            }
        }
        if (first < 0) {
            status.warn("those frames are not shown: loosen the filters, or they were cleared");
        } else {
            follow.setSelected(false);
            table.getSelectionModel().clearAndSelect(first);
            table.scrollTo(Math.max(0, first - 2));
        }
    }

    private void buildTable() {
        table.setItems(model.visible());
        table.setPlaceholder(new Label("No frames yet: connect and fire something, or loosen the filters."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Frame, String> time = column("Time", 0, Frame::time);
        time.setId("timeline-time-column");
        time.setPrefWidth(textWidth("00:00:00.000") + 28); // the cell's padding and the column separator
        time.setMinWidth(time.getPrefWidth());
        table.getColumns().add(time);
        TableColumn<Frame, Number> seq = new TableColumn<>("#");
        seq.setPrefWidth(44);
        seq.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().seq()));
        table.getColumns().add(seq);
        table.getColumns().add(column("Connection", 130, Frame::connection));
        table.getColumns().add(column("Direction", 110, f -> f.kind().label()));
        table.getColumns().add(column("Event", 190, Frame::event));
        table.getColumns().add(column("Summary", 300, Frame::summary));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(Frame f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("frame-out", "frame-ack-ok", "frame-ack-error", "frame-in", "frame-life",
                        "frame-error", "frame-server");
                if (!empty && f != null) {
                    getStyleClass().add(switch (f.kind()) {
                        case OUT -> "frame-out";
                        case ACK -> "ok".equals(f.status()) ? "frame-ack-ok" : "frame-ack-error";
                        case IN -> "frame-in";
                        case CONNECT_ERROR -> "frame-error";
                        case SERVER_CALL, SERVER_PUSH, SERVER_CONNECTION -> "frame-server";
                        default -> "frame-life";
                    });
                }
            }
        });
        // a filter change deselects even the rows it keeps: the detail stays until its own row is filtered out
        table.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            explain.setDisable(f == null || f.kind() != FrameKind.SERVER_PUSH);
            if (f != null) {
                showDetail(f);
            }
        });
        model.visible().addListener((ListChangeListener<Frame>) ch -> {
            boolean added = false;
            while (ch.next()) {
                added |= ch.wasAdded();
            }
            if (follow.isSelected() && added) {
                // after the table itself has taken the new rows in
                javafx.application.Platform.runLater(() -> {
                    if (!model.visible().isEmpty()) {
                        table.scrollTo(model.visible().size() - 1);
                    }
                });
            }
            if (shown != null && !model.visible().contains(shown)) {
                showDetail(null); // its row is filtered out or cleared: do not leave it on screen
            }
        });
    }

    private static double textWidth(String sample) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(sample);
        text.setFont(javafx.scene.text.Font.font(13)); // the console's font size (console.css)
        return Math.ceil(text.getLayoutBounds().getWidth());
    }

    private static TableColumn<Frame, String> column(String name, double width, Function<Frame, String> value) {
        TableColumn<Frame, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        return c;
    }

    private void refreshConnectionChoices() {
        Object selected = connectionFilter.getValue();
        List<Object> items = new ArrayList<>();
        items.add(ALL);
        items.addAll(ctx.connectionList());
        connectionFilter.getItems().setAll(items);
        connectionFilter.setValue(items.contains(selected) ? selected : ALL);
    }

    private void applyFilter() {
        EnumSet<FlowDirection> dirs = EnumSet.noneOf(FlowDirection.class);
        if (outgoing.isSelected()) {
            dirs.add(FlowDirection.OUTGOING);
        }
        if (incoming.isSelected()) {
            dirs.add(FlowDirection.INCOMING);
        }
        if (lifecycle.isSelected()) {
            dirs.add(FlowDirection.LIFECYCLE);
        }
        if (serverSide.isSelected()) {
            dirs.add(FlowDirection.SERVER);
        }
        if (dirs.isEmpty()) {
            status.warn("every direction is off: nothing can show");
        } else {
            status.clear();
        }
        Object c = connectionFilter.getValue();
        model.setFilter(new TimelineFilter(eventFilter.getText(),
                c instanceof LiveConnection live ? live.id() : null, dirs, search.getText()));
    }

    private void refreshCounts() {
        int pending = model.pending();
        String text = model.visible().size() + " shown of " + model.rows().size() + " frames"
                + (model.isPaused() && pending > 0 ? " · paused, " + pending + " waiting" : "");
        if (!text.equals(counts.getText())) {
            counts.setText(text);
        }
    }

    private void showDetail(Frame f) {
        shown = f;
        if (f == null) {
            detailTitle.setText(NO_DETAIL);
            detail.setJson(null, null);
            return;
        }
        String title = f.kind().label() + "  " + f.event() + "  ·  " + f.connection() + "  ·  " + f.time()
                + "  ·  #" + f.seq();
        if (f.isAck()) {
            Frame request = model.requestOf(f);
            title += "\nreply to #" + f.requestSeq() + " (" + f.status() + ", round trip " + f.rttMillis() + " ms)";
            if (request != null) {
                var both = Json.NODES.objectNode();
                both.set("reply", f.payload());
                both.set("request", request.payload());
                detailTitle.setText(title);
                detail.setJson(f.event(), both);
                return;
            }
        }
        detailTitle.setText(title);
        detail.setJson(f.event(), f.payload());
    }

    private void export() {
        List<Frame> frames = List.copyOf(model.visible());
        if (frames.isEmpty()) {
            status.warn("nothing to export: no frame passes the filters");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the timeline as JSON lines");
        chooser.setInitialFileName("timeline.jsonl");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON lines (*.jsonl)", "*.jsonl"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        ctx.background().run(() -> {
            TimelineModel.exportJsonLines(frames, file.toPath());
            return file;
        }, f -> status.ok("exported " + frames.size() + " frames to " + f),
                e -> status.error("cannot export: " + Json.describe(e)));
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
