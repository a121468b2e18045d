package dev.switchboard.console.ui;

import dev.switchboard.console.core.Background;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.data.IdChoice;
import dev.switchboard.console.data.Ids;
import dev.switchboard.protocol.catalog.IdKind;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.control.ComboBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * An id field that searches the database as you type (users by username, name or email prefix;
 * tweets, comments and messages by text) and still accepts any typed id, even a malformed one, so
 * that bad input can be tested on purpose.
 */
public final class IdPicker extends ComboBox<IdChoice> {

    private static final String SEPARATOR = "  —  ";

    private final IdKind kind;
    private final Background background;
    private final ChoiceSource source;
    private final PauseTransition debounce = new PauseTransition(Duration.millis(250));
    private final AtomicLong generation = new AtomicLong();
    private boolean settingText;
    private Consumer<String> onError = e -> { };
    private Runnable onChange = () -> { };

    public IdPicker(IdKind kind, Background background, ChoiceSource source) {
        this.kind = kind;
        this.background = background;
        this.source = source;
        setEditable(true);
        getStyleClass().add("id-picker");
        setMaxWidth(Double.MAX_VALUE);
        setPromptText(kind == IdKind.USER ? "search username, name or email — or type an id" : "search or type an id");
        setVisibleRowCount(12);
        setConverter(new StringConverter<>() {
            @Override
            public String toString(IdChoice choice) {
                return choice == null ? "" : choice.toString();
            }

            @Override
            public IdChoice fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                for (IdChoice c : getItems()) {
                    if (c.toString().equals(text)) {
                        return c;
                    }
                }
                String id = idIn(text);
                return new IdChoice(id, id);
            }
        });
        debounce.setOnFinished(e -> search(getEditor().getText()));
        getEditor().textProperty().addListener((obs, old, text) -> {
            onChange.run();
            if (!settingText && getEditor().isFocused() && !isPicked(text)) {
                debounce.playFromStart();
            }
        });
        valueProperty().addListener((obs, old, v) -> onChange.run());
        setOnShowing(e -> {
            if (getItems().isEmpty()) {
                search(getEditor().getText());
            }
        });
    }

    /** Whether the text is the one a pick from the list just put there (no new search then). */
    private boolean isPicked(String text) {
        IdChoice value = getValue();
        return value != null && text != null && text.equals(value.toString());
    }

    /** Where search failures are reported (the view's status line). */
    public void setOnError(Consumer<String> onError) {
        this.onError = onError;
    }

    /** Runs after every edit or pick (the fire view refreshes its preview). */
    public void setOnChange(Runnable onChange) {
        this.onChange = onChange;
    }

    public IdKind kind() {
        return kind;
    }

    /** Searches in the background and opens the list with what it found. */
    public void search(String text) {
        String query = text == null || text.contains(SEPARATOR.trim()) ? "" : text.trim();
        long mine = generation.incrementAndGet();
        background.run(() -> source.find(kind, query), found -> {
            if (mine != generation.get()) {
                return; // a newer search is on its way
            }
            show(found);
        }, e -> onError.accept("cannot search " + kind.name().toLowerCase() + "s: " + Json.describe(e)));
    }

    private void show(List<IdChoice> found) {
        String typed = getEditor().getText();
        settingText = true;
        try {
            getItems().setAll(found);
            getEditor().setText(typed);
            getEditor().positionCaret(typed == null ? 0 : typed.length());
        } finally {
            settingText = false;
        }
        if (!found.isEmpty() && getScene() != null && getScene().getWindow() != null && isFocused()) {
            show();
        }
    }

    /** The id in the field: the picked choice's, or whatever was typed (trimmed). */
    public String selectedId() {
        String text = getEditor().getText();
        if (text == null || text.isBlank()) {
            return "";
        }
        IdChoice value = getValue();
        if (value != null && text.equals(value.toString())) {
            return value.id();
        }
        return idIn(text);
    }

    /** The label of the picked choice, or the id when it was typed. */
    public String selectedLabel() {
        IdChoice value = getValue();
        String id = selectedId();
        if (value != null && value.id().equals(id) && !value.label().equals(id)) {
            String label = value.label();
            int dot = label.indexOf(" · ");
            return dot > 0 ? label.substring(0, dot) : label;
        }
        for (IdChoice c : getItems()) {
            if (c.id().equals(id)) {
                int dot = c.label().indexOf(" · ");
                return dot > 0 ? c.label().substring(0, dot) : c.label();
            }
        }
        return id;
    }

    /** Sets the field to an id (and label, when known) without searching. */
    public void setId(String id, String label) {
        settingText = true;
        try {
            IdChoice choice = id == null || id.isBlank() ? null : new IdChoice(id, label == null ? id : label);
            if (choice != null && !getItems().contains(choice)) {
                getItems().add(0, choice);
            }
            setValue(choice);
            getEditor().setText(choice == null ? "" : (label == null ? id : choice.toString()));
        } finally {
            settingText = false;
        }
    }

    static String idIn(String text) {
        String t = text.trim();
        int sep = t.lastIndexOf(SEPARATOR.trim());
        if (sep >= 0) {
            String tail = t.substring(sep + 1).trim();
            if (Ids.isObjectId(tail)) {
                return tail;
            }
        }
        return t;
    }
}
