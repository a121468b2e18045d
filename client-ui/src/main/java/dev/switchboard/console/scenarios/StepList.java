package dev.switchboard.console.scenarios;

import dev.switchboard.console.events.EventBus;
import dev.switchboard.console.events.RevealFrames;
import dev.switchboard.console.events.ShowView;
import dev.switchboard.console.timeline.TimelineView;
import dev.switchboard.console.ui.Ui;
import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.report.TextReport;
import dev.switchboard.scenario.run.ScenarioResult;
import dev.switchboard.scenario.run.StepResult;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** The live step list of a run; a failed step shows its diff, and its frames can be shown in the timeline. */
final class StepList {

    final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    final ListView<StepRow> list = new ListView<>(rows);
    final TextArea detail = Ui.codeArea(false);
    final Button reveal;
    private final TimelineBridge bridge;
    private final VBox node;

    StepList(TimelineBridge bridge, EventBus events) {
        this.bridge = bridge;
        list.setId("scenario-steps");
        detail.setId("scenario-step-detail");
        detail.setPromptText("Select a step to see what it expected and what arrived.");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StepRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("status-ok", "status-error");
                setText(empty || row == null ? null : row.toString());
                if (!empty && row != null && row.result() != null) {
                    getStyleClass().add(row.failed() ? "status-error" : "status-ok");
                }
            }
        });
        reveal = Ui.button("Show frames in the timeline", e -> {
            StepRow row = list.getSelectionModel().getSelectedItem();
            if (row != null && row.result() != null) {
                events.publish(new ShowView(TimelineView.class));
                events.publish(new RevealFrames(bridge.seqs(row.result().frames())));
            }
        });
        reveal.setId("scenario-reveal");
        reveal.setDisable(true);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> show(row));
        node = new VBox(6, Ui.grow(list), Ui.row(Ui.heading("Step"), Ui.spacer(), reveal), detail);
        detail.setPrefRowCount(12);
    }

    VBox node() {
        return node;
    }

    void reset(Scenario s) {
        rows.clear();
        detail.clear();
        for (int i = 0; i < s.steps().size(); i++) {
            rows.add(StepRow.waiting(i, s.steps().get(i)));
        }
    }

    void started(int index) {
        if (index < rows.size()) {
            rows.set(index, rows.get(index).running());
        }
    }

    void finished(StepResult r) {
        if (r.index() < rows.size()) {
            rows.set(r.index(), StepRow.of(r));
            if (r.outcome() == StepResult.Outcome.FAILED) {
                list.getSelectionModel().select(r.index());
                list.scrollTo(r.index());
            }
        }
    }

    /** The whole result, skipped steps included. */
    void finished(ScenarioResult result) {
        result.steps().forEach(this::finished);
    }

    private void show(StepRow row) {
        if (row == null || row.result() == null) {
            detail.setText(row == null ? "" : row.step().describe() + "\n\nnot run yet");
            reveal.setDisable(true);
            return;
        }
        StepResult r = row.result();
        reveal.setDisable(bridge.seqs(r.frames()).isEmpty());
        detail.setText(r.outcome() == StepResult.Outcome.FAILED
                ? String.join("\n", TextReport.failureDetail(r, r.startedAt())).stripIndent()
                : TextReport.stepLine(r).trim() + (r.message() == null ? "" : "\n" + r.message()));
    }
}
