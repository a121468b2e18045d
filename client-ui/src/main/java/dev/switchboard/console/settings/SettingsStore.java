package dev.switchboard.console.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings as a small JSON file, {@code ~/.switchboard/console.json} (the folder can be moved with the
 * system property {@code switchboard.console.home}, which the tests use).
 */
public final class SettingsStore {

    public static final String HOME_PROPERTY = "switchboard.console.home";

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static Path consoleHome() {
        String override = System.getProperty(HOME_PROPERTY);
        return override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".switchboard");
    }

    public static SettingsStore inConsoleHome() {
        return new SettingsStore(consoleHome().resolve("console.json"));
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults when there is no file yet; a broken file is reported, not ignored. */
    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            JsonNode node = Json.parse(Files.readString(file));
            return new Settings(text(node, "serverUrl"), text(node, "mongoUri"), text(node, "jwtSecret"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the settings in " + file + ": " + Json.describe(e)
                    + " (fix or delete the file)", e);
        }
    }

    public void save(Settings settings) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("serverUrl", settings.serverUrl());
        fields.put("mongoUri", settings.mongoUri());
        fields.put("jwtSecret", settings.jwtSecret());
        try {
            Json.writeFile(file, fields);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the settings to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
