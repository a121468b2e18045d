package dev.switchboard.console.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Stage;

/**
 * Where the window was and how large, remembered in {@code ~/.switchboard/window.json} between runs.
 * A placement that no longer fits any screen (a monitor unplugged) is not used.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    public static final double DEFAULT_WIDTH = 1360;
    public static final double DEFAULT_HEIGHT = 860;
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 400;
    private static final String FILE = "window.json";

    public static WindowPlacement of(Stage stage) {
        return new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    /** Whether at least its title bar area lies on one of these screens, and it is large enough to use. */
    public boolean fitsOn(List<Rectangle2D> screens) {
        if (width < MIN_WIDTH || height < MIN_HEIGHT || Double.isNaN(x) || Double.isNaN(y)) {
            return false;
        }
        Rectangle2D titleBar = new Rectangle2D(x, y, width, Math.min(40, height));
        return screens.stream().anyMatch(s -> s.intersects(titleBar)
                && s.contains(x + Math.min(width, s.getWidth()) / 2, y + 10));
    }

    public void applyTo(Stage stage) {
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setMaximized(maximized);
    }

    public static Path file() {
        return SettingsStore.consoleHome().resolve(FILE);
    }

    /** The saved placement; empty when there is none or the file cannot be read (the defaults then apply). */
    public static Optional<WindowPlacement> load(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            JsonNode n = Json.parse(Files.readString(file));
            return Optional.of(new WindowPlacement(n.path("x").asDouble(Double.NaN), n.path("y").asDouble(Double.NaN),
                    n.path("width").asDouble(0), n.path("height").asDouble(0), n.path("maximized").asBoolean(false)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    public void save(Path file) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("x", x);
        fields.put("y", y);
        fields.put("width", width);
        fields.put("height", height);
        fields.put("maximized", maximized);
        try {
            Json.writeFile(file, fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the window placement to " + file + ": " + e.getMessage(), e);
        }
    }
}
