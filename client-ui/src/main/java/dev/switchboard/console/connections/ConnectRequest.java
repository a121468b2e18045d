package dev.switchboard.console.connections;

/**
 * What to connect with.
 *
 * @param label     how the connection is shown (usually the username)
 * @param userId    the user the token is for, when known
 * @param token     the handshake token, sent as auth.accessToken; null sends no auth at all
 * @param namespace "/" or "/admin"
 */
public record ConnectRequest(String label, String userId, String token, String namespace, Transport transport) {

    public ConnectRequest {
        namespace = namespace == null || namespace.isBlank() ? "/" : namespace;
        transport = transport == null ? Transport.WEBSOCKET : transport;
    }
}
