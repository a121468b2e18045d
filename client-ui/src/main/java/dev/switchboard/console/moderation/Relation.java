package dev.switchboard.console.moderation;

import dev.switchboard.console.data.UserRef;
import java.time.Instant;

/**
 * The other side of a block, follow or follow request.
 *
 * @param user null when the id names no user any more
 * @param at   when it happened (blocked_at, added_at, requested_at), or null when not stored
 */
public record Relation(String userId, UserRef user, Instant at) {

    public String username() {
        return user == null || user.username() == null ? "(unknown user)" : user.username();
    }

    public String fullName() {
        return user == null ? "" : user.fullName();
    }
}
