package dev.switchboard.scenario.record;

/**
 * A connection seen while recording, as the console opened it.
 *
 * @param label     how the console shows it (usually the username); the actor is named after it
 * @param userId    the user its token names, when known
 * @param token     the handshake token as sent
 * @param namespace {@code /} or {@code /admin}
 * @param transport {@code websocket}, {@code polling} or {@code both}
 */
public record RecordedConnection(String id, String label, String userId, String token, String namespace,
                                 String transport) {
}
