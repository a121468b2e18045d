package dev.switchboard.console;

import dev.switchboard.console.connections.ConnectionsView;
import dev.switchboard.console.fire.FireView;
import dev.switchboard.console.fixtures.FixturesView;
import dev.switchboard.console.moderation.ModerationView;
import dev.switchboard.console.server.StatusBar;
import dev.switchboard.console.serverview.ServerView;
import dev.switchboard.console.settings.SettingsView;
import dev.switchboard.console.timeline.TimelineView;
import dev.switchboard.console.tokens.TokensView;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The window: views on the left (Ctrl+1..8), the chosen view in the middle, the status bar at the bottom. */
public final class MainWindow {

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8};

    private final ConsoleContext ctx;
    private final TokensView tokens;
    private final ConnectionsView connections;
    private final FireView fire;
    private final TimelineView timeline;
    private final FixturesView fixtures;
    private final ModerationView moderation;
    private final SettingsView settings;
    private final ServerView server;
    private final List<ConsoleView> views;
    private final StackPane center = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final BorderPane root = new BorderPane();
    private ConsoleView current;

    public MainWindow(ConsoleContext ctx) {
        this.ctx = ctx;
        tokens = new TokensView(ctx);
        connections = new ConnectionsView(ctx);
        fire = new FireView(ctx);
        timeline = new TimelineView(ctx);
        fixtures = new FixturesView(ctx);
        moderation = new ModerationView(ctx);
        settings = new SettingsView(ctx);
        server = new ServerView(ctx);
        views = List.of(tokens, connections, fire, timeline, fixtures, moderation, settings, server);
        ctx.explainRequest().addListener((o, a, push) -> {
            if (push != null) {
                show(views.indexOf(server));
            }
        });

        VBox side = new VBox(4);
        side.getStyleClass().add("nav");
        Label brand = new Label("Switchboard");
        brand.getStyleClass().add("brand");
        Label sub = new Label("console");
        sub.getStyleClass().add("brand-sub");
        side.getChildren().addAll(brand, sub);
        for (int i = 0; i < views.size(); i++) {
            ConsoleView v = views.get(i);
            ToggleButton b = new ToggleButton(v.title());
            b.setId("nav-" + v.title().toLowerCase());
            b.setToggleGroup(nav);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("nav-button");
            Label key = new Label("Ctrl+" + (i + 1));
            key.getStyleClass().add("nav-key");
            b.setGraphic(key);
            b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            b.setGraphicTextGap(12);
            int index = i;
            b.setOnAction(e -> show(index));
            side.getChildren().add(b);
        }
        Region filler = new Region();
        VBox.setVgrow(filler, Priority.ALWAYS);
        Label help = new Label("Ctrl+Enter fire\nCtrl+F search");
        help.getStyleClass().add("nav-help");
        side.getChildren().addAll(filler, help);

        root.setLeft(side);
        root.setCenter(center);
        root.setBottom(new StatusBar(ctx));
        root.getStyleClass().add("console-root");
        show(0);
    }

    public Scene scene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("console.css").toExternalForm());
        for (int i = 0; i < DIGITS.length; i++) {
            int index = i;
            scene.getAccelerators().put(new KeyCodeCombination(DIGITS[i], KeyCombination.SHORTCUT_DOWN),
                    () -> show(index));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> current.focusSearch());
        // a filter, not an accelerator: text areas (the JSON editor) would otherwise take Ctrl+Enter first
        KeyCodeCombination fireKeys = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (fireKeys.match(e)) {
                e.consume();
                if (current != fire) {
                    show(views.indexOf(fire));
                }
                fire.fire();
            }
        });
        return scene;
    }

    /** Brings view number {@code index} (0-based) to front. */
    public void show(int index) {
        ConsoleView v = views.get(index);
        if (current == server && v != server) {
            server.hidden();
        }
        current = v;
        Node node = v.node();
        center.getChildren().setAll(node);
        nav.getToggles().get(index).setSelected(true);
        v.shown();
    }

    public ConsoleView current() {
        return current;
    }

    public BorderPane root() {
        return root;
    }

    public ConsoleContext context() {
        return ctx;
    }

    public TokensView tokens() {
        return tokens;
    }

    public ConnectionsView connections() {
        return connections;
    }

    public FireView fire() {
        return fire;
    }

    public TimelineView timeline() {
        return timeline;
    }

    public FixturesView fixtures() {
        return fixtures;
    }

    public ModerationView moderation() {
        return moderation;
    }

    public SettingsView settings() {
        return settings;
    }

    public ServerView server() {
        return server;
    }
}
