package dev.switchboard.console;

import dev.switchboard.console.server.BundledServerLauncher;
import dev.switchboard.console.settings.Settings;
import dev.switchboard.console.settings.SettingsStore;
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
        stage.setScene(window.scene(1360, 860));
        stage.show();
        ctx.connectServer();
        if (settingsProblem != null) {
            ctx.serverState().set(settingsProblem + " — using the defaults");
        }
    }

    @Override
    public void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }
}
