package dev.switchboard.console;

import dev.switchboard.console.server.BundledServerLauncher;
import dev.switchboard.console.settings.Settings;
import dev.switchboard.console.settings.SettingsStore;
import dev.switchboard.console.settings.WindowPlacement;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: loads the settings, finds or starts the server, opens the window. */
public final class ConsoleApp extends Application {

    private ConsoleContext ctx;

    @Override
    public void start(Stage stage) {
        SettingsStore store = SettingsStore.inConsoleHome();
        Settings settings;
        String settingsProblem = null;
        try {
            settings = store.load();
        } catch (IllegalStateException e) {
            settings = Settings.defaults();
            settingsProblem = e.getMessage();
        }
        ctx = new ConsoleContext(store, settings, BundledServerLauncher.standard());
        ctx.startDrainingTimeline();
        MainWindow window = new MainWindow(ctx);
        stage.setTitle("Switchboard console");
        stage.setScene(window.scene(WindowPlacement.DEFAULT_WIDTH, WindowPlacement.DEFAULT_HEIGHT));
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        WindowPlacement.load(WindowPlacement.file()).filter(p -> p.fitsOn(screens)).ifPresent(p -> p.applyTo(stage));
        stage.setOnCloseRequest(e -> rememberPlacement(stage));
        stage.show();
        ctx.connectServer();
        if (settingsProblem != null) {
            ctx.serverState().set(settingsProblem + " — using the defaults");
        }
    }

    private static void rememberPlacement(Stage stage) {
        try {
            WindowPlacement.of(stage).save(WindowPlacement.file());
        } catch (RuntimeException e) {
            System.err.println("console: " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }
}
