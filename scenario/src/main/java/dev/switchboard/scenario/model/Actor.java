package dev.switchboard.scenario.model;

import java.util.Map;

/**
 * Someone in a scenario: a user (whose token the runner signs), an explicit token, or a user picked
 * from the database. Exactly one of {@code user}, {@code token}, {@code pick} is set.
 *
 * @param pick      {@code any}: a distinct user of the database for each run (each virtual user in load)
 * @param sockets   how many sockets this user opens; each one must get every expected push
 * @param namespace {@code /} or {@code /admin}
 * @param transport {@code websocket}, {@code polling} or {@code both}
 * @param claims    extra claims for the signed token, e.g. {@code role: admin}
 */
public record Actor(String name, String user, String token, String pick, int sockets, String namespace,
                    String transport, Map<String, Object> claims) {

    public static final String PICK_ANY = "any";

    public Actor {
        claims = claims == null ? Map.of() : Map.copyOf(claims);
        namespace = namespace == null || namespace.isBlank() ? "/" : namespace;
        transport = transport == null || transport.isBlank() ? "websocket" : transport;
    }

    public static Actor user(String name, String userId) {
        return new Actor(name, userId, null, null, 1, "/", "websocket", Map.of());
    }
}
