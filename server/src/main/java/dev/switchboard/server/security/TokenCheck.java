package dev.switchboard.server.security;

import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.protocol.jwt.TokenRejectedException;
import dev.switchboard.protocol.jwt.VerifiedToken;
import dev.switchboard.server.store.UserStore;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Whether a session token is accepted, and why not: its signature and dates, its user, and the user's
 * revocations. The handshake ({@code authentication} middleware) and {@code POST /verify_token} ask it.
 */
public final class TokenCheck {

    /** A token that passed every check, with its user's document. */
    public record Accepted(ObjectId userId, Document user, VerifiedToken token) {
    }

    private final Jwt jwt;
    private final UserStore users;
    private final Revocations revocations;

    public TokenCheck(Jwt jwt, UserStore users, Revocations revocations) {
        this.jwt = jwt;
        this.users = users;
        this.revocations = revocations;
    }

    /** @throws TokenRejectedException saying exactly why the token is refused */
    public Accepted check(String token) throws TokenRejectedException {
        VerifiedToken verified = jwt.verify(token);
        ObjectId userId = new ObjectId(verified.userId());
        Document user = users.findById(userId).orElse(null);
        if (user == null) {
            throw new TokenRejectedException("user " + verified.userId() + " does not exist");
        }
        var revoked = revocations.refusal(userId, verified);
        if (revoked.isPresent()) {
            throw new TokenRejectedException(revoked.get());
        }
        return new Accepted(userId, user, verified);
    }
}
