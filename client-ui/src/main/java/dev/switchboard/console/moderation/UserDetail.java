package dev.switchboard.console.moderation;

import dev.switchboard.console.data.UserRef;
import java.time.Instant;
import java.util.List;

/** Everything the moderation view shows about one user. */
public record UserDetail(UserRef user, String phone, String biography, Instant lastSeen, Instant registeredAt,
                         boolean isPublic, List<Relation> blocks, List<Relation> blockedBy,
                         List<Relation> requestsIn, List<Relation> requestsOut,
                         List<Relation> followers, List<Relation> following) {
}
