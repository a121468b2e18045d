package dev.switchboard.console;

import static org.assertj.core.api.Assertions.fail;

import dev.switchboard.console.server.BundledServerLauncher;
import dev.switchboard.console.settings.Settings;
import dev.switchboard.console.settings.SettingsStore;
import dev.switchboard.server.fixture.CancellationToken;
import dev.switchboard.server.fixture.FixtureSpec;
import dev.switchboard.server.fixture.ProgressListener;
import dev.switchboard.server.fixture.Seeder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console in a (headless) window, against a real bundled server on a free port with an
 * in-memory database: what every UI test and the screenshot renderer start from.
 */
public final class ConsoleHarness implements AutoCloseable {

    public static final String JOHN = "63021602091fa84d91c8e9bf";
    public static final String KIA = "62fc0c0c2b83bd50cb5fef05";
    public static final String RAMSAY = "62f69f02c4d8e5a7b3f1c922";

    private final BundledServerLauncher launcher = BundledServerLauncher.ephemeral();
    private ConsoleContext ctx;
    private MainWindow window;
    private Stage stage;

    private ConsoleHarness() {
    }

    public static ConsoleHarness start(double width, double height) throws Exception {
        ConsoleHarness h = new ConsoleHarness();
        Path home = Files.createTempDirectory("console-home");
        h.stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            h.ctx = new ConsoleContext(new SettingsStore(home.resolve("console.json")), Settings.defaults(), h.launcher);
            h.ctx.startDrainingTimeline();
            h.window = new MainWindow(h.ctx);
            stage.setScene(h.window.scene(width, height));
            stage.setTitle("Switchboard console");
            stage.show();
            h.ctx.connectServer();
        });
        waitFor("the bundled server to start", 60, () -> h.ctx.session().get() != null
                || h.ctx.serverState().get().startsWith("no server"));
        if (h.ctx.session().get() == null) {
            String why = fx(() -> h.ctx.serverState().get());
            h.close();
            throw new IllegalStateException("the bundled server did not start: " + why);
        }
        return h;
    }

    public static ConsoleHarness start() throws Exception {
        return start(1360, 860);
    }

    public ConsoleContext ctx() {
        return ctx;
    }

    public MainWindow window() {
        return window;
    }

    public Stage stage() {
        return stage;
    }

    public BundledServerLauncher launcher() {
        return launcher;
    }

    public void seed(FixtureSpec spec) {
        Seeder.seed(spec, launcher.server().database().mongo(), ProgressListener.NONE, new CancellationToken());
    }

    /** Seeds the documented examples and connects john snow through the Connections view, waiting until he is. */
    public void seedAndConnectJohn() {
        seed(FixtureSpec.documented());
        fx(() -> window.view(dev.switchboard.console.connections.ConnectionsView.class).connectAs(JOHN, "jhonsnow"));
        waitFor("john connected", 20, () -> ctx.connectionList().stream()
                .anyMatch(dev.switchboard.console.connections.LiveConnection::isConnected));
    }

    /** Runs on the FX thread and waits for it. */
    public static void fx(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(); // let layout and the next pulse happen before the robot looks
    }

    public static <T> T fx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("on the FX thread: " + e, e);
        }
    }

    /** Polls a condition on the FX thread until it holds; fails saying what did not happen. */
    public static void waitFor(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (fx(condition::getAsBoolean)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("waited " + seconds + " s for " + what);
    }

    @Override
    public void close() throws Exception {
        fx(() -> ctx.close());
        FxToolkit.cleanupStages();
    }
}
