package dev.switchboard.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementTest {

    private static final List<Rectangle2D> ONE_SCREEN = List.of(new Rectangle2D(0, 0, 1600, 1000));

    @Test
    void aSavedPlacementComesBackOnTheNextStart(@TempDir Path dir) {
        Path file = dir.resolve("window.json");
        new WindowPlacement(120, 40, 1280, 800, false).save(file);

        assertThat(WindowPlacement.load(file)).contains(new WindowPlacement(120, 40, 1280, 800, false));
    }

    @Test
    void noFileOrABrokenFileMeansTheDefaultSize(@TempDir Path dir) throws Exception {
        assertThat(WindowPlacement.load(dir.resolve("window.json"))).isEmpty();
        Files.writeString(dir.resolve("broken.json"), "{ \"x\": ");
        assertThat(WindowPlacement.load(dir.resolve("broken.json"))).isEmpty();
    }

    @Test
    void aPlacementOffEveryScreenOrTooSmallIsNotUsed() {
        assertThat(new WindowPlacement(100, 50, 1360, 860, false).fitsOn(ONE_SCREEN)).isTrue();
        assertThat(new WindowPlacement(1700, 50, 1360, 860, false).fitsOn(ONE_SCREEN)).isFalse(); // monitor gone
        assertThat(new WindowPlacement(100, -500, 1360, 860, false).fitsOn(ONE_SCREEN)).isFalse(); // title bar above
        assertThat(new WindowPlacement(100, 50, 200, 100, false).fitsOn(ONE_SCREEN)).isFalse();
    }
}
