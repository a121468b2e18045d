package dev.switchboard.console.scenarios;

import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.ConsoleView;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.server.ServerSession;
import dev.switchboard.console.settings.SettingsStore;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.scenario.load.LoadDriver;
import dev.switchboard.scenario.load.LoadOptions;
import dev.switchboard.scenario.load.LoadReport;
import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.model.ScenarioFormatException;
import dev.switchboard.scenario.model.ScenarioWriter;
import dev.switchboard.scenario.run.RunListener;
import dev.switchboard.scenario.run.RunTarget;
import dev.switchboard.scenario.run.ScenarioResult;
import dev.switchboard.scenario.run.ScenarioRunner;
import dev.switchboard.scenario.run.StepResult;
import dev.switchboard.server.db.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Scenarios (Ctrl+9): open, edit (validated as you type), run with a live step list (a failure shows
 * its diff and jumps to its frames in the timeline), run as load with a live latency chart, and
 * Record: what you do in the other views, across all connections, becomes a scenario.
 */
public final class ScenariosView implements ConsoleView {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ConsoleContext ctx;
    private final TimelineBridge bridge;
    final ScenarioEditor editor = new ScenarioEditor();
    final StepList steps;
    final LoadPanel load = new LoadPanel();
    final StatusLine status = new StatusLine();
    final Button record = Ui.button("● Record", e -> toggleRecording());
    final Button run = Ui.primary("▶ Run (Ctrl+R)", e -> run());
    final Button runLoad = Ui.button("Run as load", e -> runLoad());
    final Button cancel = Ui.button("Cancel load", e -> cancelLoad());
    private final TabPane results = new TabPane();
    private final Tab stepsTab;
    private final Tab loadTab;
    private final VBox root;
    private ConsoleRecording recording;
    private LoadDriver loadDriver;
    private boolean busy;

    public ScenariosView(ConsoleContext ctx) {
        this.ctx = ctx;
        this.bridge = new TimelineBridge(ctx.timeline());
        this.steps = new StepList(bridge, ctx.events());
        record.setId("scenario-record");
        run.setId("scenario-run");
        runLoad.setId("scenario-run-load");
        cancel.setId("scenario-cancel");
        cancel.setDisable(true);
        status.setId("scenario-status");
        stepsTab = new Tab("Steps", steps.node());
        loadTab = new Tab("Load", load.node());
        results.getTabs().addAll(stepsTab, loadTab);
        results.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(editor.node(), results);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        var files = Ui.row(Ui.button("New", e -> newScenario()), Ui.button("Open…", e -> open()),
                Ui.button("Save (Ctrl+S)", e -> save(editor.file())), Ui.button("Save as…", e -> saveAs()));
        var actions = Ui.row(record, Ui.spacer(), run, runLoad, cancel);
        root = Ui.page(Ui.title("Scenarios"), Ui.row(files, Ui.spacer(), actions), status, Ui.grow(split));
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                run();
            } else if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                save(editor.file());
            }
        });
        status.info("Open a scenario, or press Record and use Connections and Fire: it becomes one.");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusSearch() {
        editor.text.requestFocus();
    }

    // ---- recording

    void toggleRecording() {
        if (recording == null) {
            recording = new ConsoleRecording(ctx.timeline().rows(), ctx.connectionList());
            record.setText("■ Stop recording");
            record.getStyleClass().add("recording");
            status.busy("Recording every connection: connect, fire events, watch pushes; press Stop here when done.");
            return;
        }
        ConsoleRecording done = recording;
        recording = null;
        record.setText("● Record");
        record.getStyleClass().remove("recording");
        Scenario s = done.stop("recorded " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .substring(0, 19).replace('T', ' '));
        if (s.steps().isEmpty()) {
            status.warn("Nothing was recorded: connect and fire events while recording.");
            return;
        }
        Path file = SettingsStore.consoleHome().resolve("scenarios")
                .resolve("recorded-" + LocalDateTime.now().format(STAMP) + ".json");
        editor.setText(ScenarioWriter.toJson(s), null);
        save(file);
        results.getSelectionModel().select(stepsTab);
        steps.reset(s);
    }

    boolean isRecording() {
        return recording != null;
    }

    // ---- files

    private void newScenario() {
        editor.setText("""
                {
                  "name": "new scenario",
                  "fixture": "documented",
                  "actors": {
                    "john": { "user": "63021602091fa84d91c8e9bf" },
                    "kia": { "user": "62fc0c0c2b83bd50cb5fef05" }
                  },
                  "steps": [
                    { "connect": "john" },
                    { "connect": "kia" },
                    { "emit": "message/new", "as": "john", "args": [ { "to": "${kia.id}", "context": { "text": "hi" } } ],
                      "expect": { "status": "ok" }, "capture": { "msg": "message._id" } },
                    { "expectPush": "message/send/to", "on": "kia", "match": { "_id": "${msg}" } }
                  ]
                }
                """, null);
        status.info("A new scenario: edit it, then Save as… (the format is in docs/scenarios.md).");
    }

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenarios", "*.json", "*.yaml", "*.yml"));
        Path dir = editor.file() != null ? editor.file().toAbsolutePath().getParent() : Path.of("scenarios");
        if (dir != null && Files.isDirectory(dir)) {
            c.setInitialDirectory(dir.toFile());
        }
        return c;
    }

    private void open() {
        var f = chooser("Open a scenario").showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            open(f.toPath());
        }
    }

    /** Reads a file into the editor (in the background). */
    public void open(Path file) {
        background(() -> Files.readString(file, StandardCharsets.UTF_8), text -> {
            editor.setText(text, file);
            status.ok("Opened " + file + ".");
        }, "cannot read " + file);
    }

    private void saveAs() {
        var f = chooser("Save the scenario").showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            save(f.toPath());
        }
    }

    private void save(Path file) {
        if (file == null) {
            saveAs();
            return;
        }
        String text = editor.text.getText();
        background(() -> {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }, saved -> {
            editor.setFile(saved);
            status.ok("Saved " + saved + (editor.validate() ? "." : ", but it is not valid yet (see under the text)."));
        }, "cannot save " + file);
    }

    // ---- running

    /** Runs the scenario in the editor once, filling the step list as it goes. */
    public void run() {
        Scenario s = parsed();
        if (s == null || busy) {
            return;
        }
        busy(true);
        steps.reset(s);
        results.getSelectionModel().select(stepsTab);
        status.busy("Running " + s.name() + "…");
        RunListener live = new RunListener() {
            @Override
            public void stepStarted(int index, dev.switchboard.scenario.model.Step step) {
                Platform.runLater(() -> steps.started(index));
            }

            @Override
            public void stepFinished(StepResult r) {
                Platform.runLater(() -> steps.finished(r));
            }
        };
        String source = editor.file() == null ? "editor" : editor.file().toString();
        background(() -> withTarget(t -> new ScenarioRunner(t, null, live, bridge::publish).run(s, source)), r -> {
            busy(false);
            ScenarioResult result = (ScenarioResult) r;
            steps.finished(result);
            if (result.passed()) {
                status.ok("Passed: " + result.steps().size() + " steps in " + result.durationMillis() + " ms.");
            } else if (result.setupError() != null) {
                status.error("Could not run: " + result.setupError());
            } else {
                status.error("Failed at step " + (result.firstFailure().orElseThrow().index() + 1)
                        + ": see the step's diff, or show its frames in the timeline.");
            }
        }, "the run failed");
    }

    private void runLoad() {
        Scenario s = parsed();
        if (s == null || busy) {
            return;
        }
        LoadOptions options;
        try {
            options = load.options();
        } catch (IllegalArgumentException e) {
            status.error(e.getMessage());
            return;
        }
        busy(true);
        cancel.setDisable(false);
        load.reset();
        results.getSelectionModel().select(loadTab);
        status.busy("Load: " + options.vus() + " virtual users, " + options.arrivalPerSecond() + " arrivals/s for "
                + options.duration().toSeconds() + " s" + (s.picksUsers() ? "" : " (no actor picks: every virtual"
                + " user is the same users)") + "…");
        LoadDriver driver = new LoadDriver();
        loadDriver = driver;
        background(() -> withTarget(t -> driver.run(s, t, options,
                r -> Platform.runLater(() -> load.update(r, options)))), r -> {
            busy(false);
            cancel.setDisable(true);
            LoadReport report = (LoadReport) r;
            load.finished(report, options);
            if (report.passed()) {
                status.ok("Load done: " + report.vusPassed() + " virtual users passed.");
            } else {
                status.error("Load done: " + report.vusFailed() + " of " + report.vusStarted()
                        + " virtual users failed " + report.failures());
            }
        }, "the load run failed");
    }

    private void cancelLoad() {
        if (loadDriver != null) {
            loadDriver.cancel();
            status.busy("Stopping: no new virtual users; the running ones finish…");
        }
    }

    private Scenario parsed() {
        try {
            return editor.parse();
        } catch (ScenarioFormatException e) {
            editor.validate();
            status.error("The scenario is not valid: " + e.problems().get(0)
                    + (e.problems().size() > 1 ? " (and " + (e.problems().size() - 1) + " more, under the text)" : ""));
            return null;
        }
    }

    private void busy(boolean on) {
        busy = on;
        run.setDisable(on);
        runLoad.setDisable(on);
    }

    /** A target for the console's server; the database (for fixtures and pick) when the console knows it. */
    private Object withTarget(TargetWork work) throws Exception {
        ServerSession session = ctx.session().get();
        if (session == null) {
            throw new IllegalStateException("the server is still starting; try again in a moment");
        }
        Database db = session.hasDatabase() ? Database.connect(session.mongoUri()) : null;
        try {
            return work.apply(new RunTarget(ctx.serverUrl(), new Jwt(ctx.secret()), db == null ? null : db.mongo()));
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @FunctionalInterface
    private interface TargetWork {
        Object apply(RunTarget target) throws Exception;
    }

    private <T> void background(Callable<T> work, java.util.function.Consumer<T> done, String what) {
        ctx.background().run(work, done, e -> {
            busy(false);
            cancel.setDisable(true);
            status.error(what + ": " + Json.describe(e));
        });
    }
}
