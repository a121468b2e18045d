package dev.switchboard.console.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void withoutAFileTheDefaultsApply() {
        Settings s = new SettingsStore(dir.resolve("console.json")).load();
        assertThat(s).isEqualTo(Settings.defaults());
        assertThat(s.serverUrl()).isEqualTo("http://127.0.0.1:3000");
        assertThat(s.serverPort()).isEqualTo(3000);
        assertThat(s.serverIsLocal()).isTrue();
    }

    @Test
    void savedSettingsAreRememberedByTheNextRun() {
        Path file = dir.resolve("nested/console.json");
        Settings s = new Settings("http://10.0.0.5:4000", "mongodb://db:27017/sb", "x".repeat(40));
        new SettingsStore(file).save(s);
        assertThat(new SettingsStore(file).load()).isEqualTo(s);
    }

    @Test
    void aBrokenFileIsReportedNotSilentlyReplaced() throws IOException {
        Path file = dir.resolve("console.json");
        Files.writeString(file, "{not json");
        assertThatThrownBy(() -> new SettingsStore(file).load())
                .hasMessageContaining("cannot read the settings in " + file)
                .hasMessageContaining("fix or delete the file");
    }

    @Test
    void invalidSettingsSayWhatIsWrong() {
        assertThat(new Settings("ftp://x", "", "").problem()).contains("http://");
        assertThat(new Settings("http://127.0.0.1:3000", "postgres://x", "").problem()).contains("mongodb://");
        assertThat(new Settings("http://127.0.0.1:3000", "", "short").problem()).contains("32 bytes");
        assertThat(new Settings("http://127.0.0.1:3000", "", "").problem()).isNull();
    }
}
