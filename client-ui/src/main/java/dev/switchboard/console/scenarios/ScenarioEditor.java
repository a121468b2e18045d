package dev.switchboard.console.scenarios;

import dev.switchboard.console.ui.Ui;
import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.model.ScenarioFormatException;
import dev.switchboard.scenario.model.ScenarioReader;
import java.nio.file.Path;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The scenario's text (JSON or YAML) with its validation under it, checked a moment after each edit. */
final class ScenarioEditor {

    final TextArea text = Ui.codeArea(true);
    final Label validation = new Label();
    private final PauseTransition validateLater = new PauseTransition(Duration.millis(250));
    private Path file;
    private final VBox node;

    ScenarioEditor() {
        text.setId("scenario-editor");
        text.setPromptText("Open a scenario file, record one, or write it here (docs/scenarios.md)");
        validation.setId("scenario-validation");
        validation.setWrapText(true);
        validateLater.setOnFinished(e -> validate());
        text.textProperty().addListener((o, a, b) -> validateLater.playFromStart());
        node = new VBox(6, Ui.grow(text), validation);
        node.getStyleClass().add("card");
        validate();
    }

    VBox node() {
        return node;
    }

    Path file() {
        return file;
    }

    void setFile(Path file) {
        this.file = file;
    }

    void setText(String content, Path from) {
        file = from;
        text.setText(content);
        validate();
    }

    boolean isYaml() {
        String name = file == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The scenario as written now; throws with every problem when it is not valid. */
    Scenario parse() throws ScenarioFormatException {
        return ScenarioReader.parse(text.getText(), file == null ? "editor" : file.toString(), isYaml());
    }

    /** Re-checks the text and says so under it; returns whether it is valid. */
    boolean validate() {
        validation.getStyleClass().removeAll("status-ok", "status-error");
        if (text.getText().isBlank()) {
            validation.setText("");
            return false;
        }
        try {
            Scenario s = parse();
            validation.setText("✓ valid: " + s.actors().size() + " actor(s), " + s.steps().size() + " step(s)"
                    + (s.picksUsers() ? ", picks users (can run as load)" : ""));
            validation.getStyleClass().add("status-ok");
            return true;
        } catch (ScenarioFormatException e) {
            validation.setText("✕ " + String.join("\n✕ ", e.problems()));
            validation.getStyleClass().add("status-error");
            return false;
        }
    }
}
