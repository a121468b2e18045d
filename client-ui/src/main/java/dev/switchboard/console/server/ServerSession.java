package dev.switchboard.console.server;

/**
 * The server the console talks to and the database it reads.
 *
 * @param url                 the Socket.IO server URL
 * @param bundled             true when the console started the server in this process
 * @param databaseDescription what the status bar says about the database
 * @param mongoUri            the database to read for pickers and moderation; blank when unknown
 * @param jwtSecret           the secret the server verifies tokens with, when known; else the settings' or the example
 */
public record ServerSession(String url, boolean bundled, String databaseDescription, String mongoUri,
                            String jwtSecret) {

    public String mode() {
        return bundled ? "bundled server (in this process)" : "external server";
    }

    public boolean hasDatabase() {
        return mongoUri != null && !mongoUri.isBlank();
    }
}
