package dev.switchboard.console.settings;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What the console remembers between runs.
 *
 * @param serverUrl the Socket.IO server to use; when nothing answers there, the bundled server starts on its port
 * @param mongoUri  the database to read for pickers and moderation when the server is external; blank means
 *                  the bundled server's own database
 * @param jwtSecret the HS256 secret for signing tokens; blank means the server's default (the example secret)
 */
public record Settings(String serverUrl, String mongoUri, String jwtSecret) {

    public static final String DEFAULT_SERVER_URL = "http://127.0.0.1:3000";

    public Settings {
        serverUrl = serverUrl == null || serverUrl.isBlank() ? DEFAULT_SERVER_URL : serverUrl.trim();
        mongoUri = mongoUri == null ? "" : mongoUri.trim();
        jwtSecret = jwtSecret == null ? "" : jwtSecret;
    }

    public static Settings defaults() {
        return new Settings(DEFAULT_SERVER_URL, "", "");
    }

    /** Null when valid, else what is wrong, in a sentence. */
    public String problem() {
        try {
            URI uri = new URI(serverUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                return "the server URL must start with http:// or https://";
            }
            if (uri.getHost() == null) {
                return "the server URL has no host, e.g. http://127.0.0.1:3000";
            }
            if (uri.getPort() == 0 || uri.getPort() > 65_535) {
                return "the server URL's port " + uri.getPort() + " is not a port: use 1 to 65535";
            }
        } catch (URISyntaxException e) {
            return "the server URL is not a URL: " + e.getReason();
        }
        if (!mongoUri.isEmpty() && !mongoUri.startsWith("mongodb://") && !mongoUri.startsWith("mongodb+srv://")) {
            return "the MongoDB URI must start with mongodb:// or mongodb+srv://";
        }
        if (!jwtSecret.isEmpty() && jwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            return "the JWT secret needs at least 32 bytes for HS256 (leave it empty for the server's default)";
        }
        return null;
    }

    /** The port of the server URL (80/443 when it names none). */
    public int serverPort() {
        URI uri = URI.create(serverUrl);
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    public boolean serverIsLocal() {
        String host = URI.create(serverUrl).getHost();
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host) || "[::1]".equals(host);
    }
}
