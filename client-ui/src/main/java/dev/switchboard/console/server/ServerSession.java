package dev.switchboard.console.server;

/**
 * The server the console talks to and the database it reads.
 *
 * @param url                 the Socket.IO server URL
 * @param bundled             true when the console started the server in this process
 * @param databaseDescription what the status bar says about the database
 * @param mongoUri            the database to read for pickers and moderation; blank when unknown
 * @param jwtSecret           the secret the server verifies tokens with, when known; else the settings' or the example
 * @param note                how the console came to use this server, for the status bar
 */
public record ServerSession(String url, boolean bundled, String databaseDescription, String mongoUri,
                            String jwtSecret, String note) {

    public String mode() {
        return bundled ? "bundled, in this process" : "external";
    }

    public boolean hasDatabase() {
        return mongoUri != null && !mongoUri.isBlank();
    }
}
