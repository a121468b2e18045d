package dev.switchboard.console;

import dev.switchboard.console.events.ShowView;
import dev.switchboard.console.fire.FireView;
import dev.switchboard.console.server.StatusBar;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
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

/** The window: the registered views on the left (Ctrl+1…), the chosen one in the middle, the status bar below. */
public final class MainWindow {

    private final ConsoleContext ctx;
    private final List<ViewSpec> specs;
    private final List<ConsoleView> views = new ArrayList<>();
    private final StackPane center = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final BorderPane root = new BorderPane();
    private ConsoleView current;

    public MainWindow(ConsoleContext ctx) {
        this(ctx, ViewRegistry.VIEWS);
    }

    public MainWindow(ConsoleContext ctx, List<ViewSpec> specs) {
        this.ctx = ctx;
        this.specs = List.copyOf(specs);
        VBox side = new VBox(4);
        side.getStyleClass().add("nav");
        Label brand = new Label("Switchboard");
        brand.getStyleClass().add("brand");
        Label sub = new Label("console");
        sub.getStyleClass().add("brand-sub");
        side.getChildren().addAll(brand, sub);
        for (ViewSpec spec : this.specs) {
            int index = views.size();
            views.add(spec.factory().apply(ctx));
            side.getChildren().add(navButton(spec, index));
        }
        Region filler = new Region();
        VBox.setVgrow(filler, Priority.ALWAYS);
        Label help = new Label("Ctrl+Enter fire\nCtrl+F search");
        help.getStyleClass().add("nav-help");
        side.getChildren().addAll(filler, help);
        ctx.events().subscribe(ShowView.class, e -> show(e.view()));

        root.setLeft(side);
        root.setCenter(center);
        root.setBottom(new StatusBar(ctx));
        root.getStyleClass().add("console-root");
        show(0);
    }

    private ToggleButton navButton(ViewSpec spec, int index) {
        ToggleButton b = new ToggleButton(spec.name());
        b.setId(spec.navId());
        b.setToggleGroup(nav);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add("nav-button");
        if (spec.shortcut() != null) {
            Label key = new Label(spec.shortcutText());
            key.getStyleClass().add("nav-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            b.setGraphic(key);
            b.setContentDisplay(ContentDisplay.RIGHT);
            b.setGraphicTextGap(12);
        }
        b.setOnAction(e -> show(index));
        return b;
    }

    public Scene scene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("console.css").toExternalForm());
        // filters, not accelerators: a focused editor (an id picker, the JSON editor) would otherwise take the keys first
        List<KeyCodeCombination> viewKeys = specs.stream().map(s -> s.shortcut() == null ? null
                : new KeyCodeCombination(s.shortcut(), KeyCombination.SHORTCUT_DOWN)).toList();
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (int i = 0; i < viewKeys.size(); i++) {
                if (viewKeys.get(i) != null && viewKeys.get(i).match(e)) {
                    e.consume();
                    show(i);
                    return;
                }
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> current.focusSearch());
        KeyCodeCombination fireKeys = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (fireKeys.match(e)) {
                e.consume();
                FireView fire = view(FireView.class);
                show(FireView.class);
                fire.fire();
            }
        });
        return scene;
    }

    /** Brings view number {@code index} (0-based, in registry order) to front. */
    public void show(int index) {
        ConsoleView v = views.get(index);
        if (current != null && current != v) {
            current.hidden();
        }
        current = v;
        center.getChildren().setAll(v.node());
        nav.getToggles().get(index).setSelected(true);
        v.shown();
    }

    public void show(Class<? extends ConsoleView> type) {
        show(views.indexOf(view(type)));
    }

    /** The registered view of that class. */
    public <T extends ConsoleView> T view(Class<T> type) {
        for (ConsoleView v : views) {
            if (type.isInstance(v)) {
                return type.cast(v);
            }
        }
        throw new IllegalArgumentException("no view of class " + type.getSimpleName() + " is registered");
    }

    /** The views, in registry order. */
    public List<ConsoleView> views() {
        return List.copyOf(views);
    }

    public List<ViewSpec> specs() {
        return specs;
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
}
