package dev.switchboard.console.settings;

import dev.switchboard.console.ConsoleContext;
import dev.switchboard.console.ConsoleView;
import dev.switchboard.console.ViewRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.layout.Region;
import dev.switchboard.console.core.Json;
import dev.switchboard.console.server.ServerSession;
import dev.switchboard.console.ui.StatusLine;
import dev.switchboard.console.ui.Ui;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Server URL, MongoDB URI and JWT secret, remembered in ~/.switchboard/console.json. */
public final class SettingsView implements ConsoleView {

    private final ConsoleContext ctx;
    private final VBox root;
    final TextField serverUrl = new TextField();
    final TextField mongoUri = new TextField();
    final PasswordField secretHidden = new PasswordField();
    final TextField secretShown = new TextField();
    private final Label session = new Label();
    final StatusLine status = new StatusLine();

    public SettingsView(ConsoleContext ctx) {
        this.ctx = ctx;
        serverUrl.setId("settings-server-url");
        serverUrl.setPromptText(Settings.DEFAULT_SERVER_URL);
        mongoUri.setPromptText("blank: the bundled server's own database; mongodb://host:27017/switchboard for an external one");
        secretHidden.setPromptText("blank: the server's secret (the example secret on the embedded database)");
        secretShown.setPromptText(secretHidden.getPromptText());
        secretShown.textProperty().bindBidirectional(secretHidden.textProperty());
        secretShown.getStyleClass().add("code");
        ToggleButton show = new ToggleButton("Show");
        secretShown.visibleProperty().bind(show.selectedProperty());
        secretHidden.visibleProperty().bind(show.selectedProperty().not());
        StackPane secret = new StackPane(secretHidden, secretShown);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(10);
        form.addRow(0, new Label("Server URL"), serverUrl);
        form.addRow(1, new Label("MongoDB URI"), mongoUri);
        form.addRow(2, new Label("JWT secret"), Ui.row(Ui.grow(secret), show));
        GridPane.setHgrow(serverUrl, Priority.ALWAYS);
        form.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(110),
                new javafx.scene.layout.ColumnConstraints());
        form.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);

        Button save = Ui.primary("Save", e -> save(false));
        Button apply = Ui.button("Save and reconnect", e -> save(true));
        save.setId("settings-save");
        apply.setId("settings-apply");
        Button reset = Ui.button("Defaults", e -> fill(Settings.defaults()));
        Label where = Ui.hint("Saved in " + ctx.settingsStore().file() + ". When nothing answers at the server URL "
                + "on a local port, the console starts the bundled server there, on the embedded database.");
        session.setWrapText(true);
        session.getStyleClass().add("detail");
        session.setId("settings-session");
        GridPane keys = new GridPane();
        keys.setHgap(24);
        keys.setVgap(6);
        List<String[]> shortcuts = new ArrayList<>();
        String viewKeys = ViewRegistry.VIEWS.stream().filter(v -> v.shortcut() != null)
                .map(v -> v.shortcutText() + " " + v.name()).collect(Collectors.joining(" · "));
        shortcuts.add(new String[] {"Ctrl+digit", viewKeys});
        shortcuts.add(new String[] {"Ctrl+Enter", "fire the request in the Fire view"});
        shortcuts.add(new String[] {"Ctrl+F", "search or filter in the current view"});
        for (int i = 0; i < shortcuts.size(); i++) {
            Label key = new Label(shortcuts.get(i)[0]);
            key.getStyleClass().add("detail");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(shortcuts.get(i)[1]);
            what.setWrapText(true);
            keys.addRow(i, key, what);
        }
        root = Ui.page(Ui.title("Settings"), Ui.card("Connection", form, Ui.row(save, apply, reset), status, where),
                Ui.card("Now using", session), Ui.card("Keyboard", keys));
        fill(ctx.settings().get());
        ctx.session().addListener((o, a, s) -> describe(s));
        ctx.serverState().addListener((o, a, s) -> describe(ctx.session().get()));
        describe(ctx.session().get());
    }

    private void fill(Settings s) {
        serverUrl.setText(s.serverUrl());
        mongoUri.setText(s.mongoUri());
        secretHidden.setText(s.jwtSecret());
    }

    private void describe(ServerSession s) {
        String state = ctx.serverState().get();
        if (s == null) {
            session.setText(state);
            return;
        }
        boolean ownSecret = !ctx.settings().get().jwtSecret().isEmpty();
        session.setText("Server     " + s.url() + "  (" + s.mode() + ")\nDatabase   " + s.databaseDescription()
                + "\nTokens     signed with " + (ownSecret ? "the secret above" : s.jwtSecret() != null
                ? "the server's secret" : "the example secret") + "\nStatus     " + state);
    }

    private void save(boolean reconnect) {
        Settings s = new Settings(serverUrl.getText(), mongoUri.getText(), secretHidden.getText());
        String problem = s.problem();
        if (problem != null) {
            status.error(problem);
            return;
        }
        status.busy(reconnect ? "saving and reconnecting…" : "saving…");
        ctx.saveSettings(s, reconnect, () -> status.ok(reconnect ? "saved and reconnected" : "saved; "
                + "the server URL and database apply on the next start or with Save and reconnect"),
                e -> status.error(Json.describe(e)));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void focusSearch() {
        serverUrl.requestFocus();
    }
}
