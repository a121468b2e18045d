package dev.switchboard.server.security;

import dev.switchboard.engine.Namespace;
import dev.switchboard.protocol.jwt.VerifiedToken;
import dev.switchboard.server.Rooms;
import dev.switchboard.server.store.RevocationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.types.ObjectId;

/**
 * Cuts a user's sessions off: every socket of the user is disconnected, on every node, and every token
 * issued up to that moment is refused from then on. A token's {@code iat} has whole seconds, so a token
 * issued in the same second as the revocation is refused too; one without {@code iat} is refused once
 * its user was ever revoked.
 */
public final class Revocations {

    private final RevocationStore store;
    private final Namespace main;
    private final Clock clock;

    public Revocations(RevocationStore store, Namespace main, Clock clock) {
        this.store = store;
        this.main = main;
        this.clock = clock;
    }

    /** Revokes now; returns the moment tokens must be issued after to be accepted again. */
    public Instant revoke(ObjectId userId) {
        Instant now = clock.instant();
        store.revokeUpTo(userId, Date.from(now));
        // after the store: a socket that connects while this runs is either disconnected here or refused
        main.to(Rooms.user(userId)).disconnectSockets(true);
        return now;
    }

    /** Why that verified token of that user is no longer accepted, if it is not. */
    public Optional<String> refusal(ObjectId userId, VerifiedToken token) {
        Optional<Date> validAfter = store.tokensValidAfter(userId);
        if (validAfter.isEmpty()) {
            return Optional.empty();
        }
        Instant cutoff = validAfter.get().toInstant();
        Instant issued = token.issuedAt();
        if (issued == null) {
            return Optional.of("token has no iat and the sessions of this user were revoked at " + cutoff
                    + "; sign in again");
        }
        // iat is whole seconds: a token of the revocation's own second may predate it
        if (issued.getEpochSecond() <= cutoff.getEpochSecond()) {
            return Optional.of("token issued at " + issued + " was revoked at " + cutoff + "; sign in again");
        }
        return Optional.empty();
    }
}
