package dev.switchboard.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.console.settings.Settings;
import dev.switchboard.server.fixture.SeedCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled database listens where scripts/seed looks, and says so when that port is taken. */
class BundledServerLauncherTest {

    @Test
    void theConsolesDatabasePortIsTheOneScriptsSeedUses() {
        assertThat(BundledServerLauncher.STANDARD_DB_PORT).isEqualTo(URI.create(SeedCommand.DEFAULT_URI).getPort())
                .isEqualTo(27018);
    }

    @Test
    void theBundledDatabaseListensOnThePreferredPort(@TempDir Path dir) throws Exception {
        int dbPort = freePort();
        try (BundledServerLauncher launcher = launcher(dbPort, dir)) {
            ServerSession s = launcher.start(localSettings());
            assertThat(MongoUris.port(s.mongoUri())).isEqualTo(dbPort);
            assertThat(s.note()).doesNotContain("taken");
            assertThat(StatusBar.databaseShort(s)).isEqualTo("DB embedded :" + dbPort);
        }
    }

    @Test
    void aTakenPortFallsBackToAnotherAndTheNoteSaysHowToSeedIt(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             BundledServerLauncher launcher = launcher(taken.getLocalPort(), dir)) {
            ServerSession s = launcher.start(localSettings());
            int actual = MongoUris.port(s.mongoUri());
            assertThat(actual).isPositive().isNotEqualTo(taken.getLocalPort());
            assertThat(s.note()).contains("database port " + taken.getLocalPort() + " was taken")
                    .contains("--mongo-uri " + s.mongoUri());
        }
    }

    private static BundledServerLauncher launcher(int dbPort, Path dir) {
        return new BundledServerLauncher(true, dbPort,
                (s, port) -> BundledServerLauncher.fileConfig(s, port, dir.resolve("switchboard.mv")));
    }

    private static Settings localSettings() throws IOException {
        return new Settings("http://127.0.0.1:" + freePort(), "", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
