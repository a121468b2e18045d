package dev.switchboard.server.account;

import dev.switchboard.protocol.jwt.Jwt;
import dev.switchboard.server.config.ServerConfig.AccountLimits;
import dev.switchboard.server.mail.MailQueue;
import dev.switchboard.server.security.Revocations;
import dev.switchboard.server.security.TokenCheck;
import dev.switchboard.server.store.RevocationStore;
import dev.switchboard.server.store.SuspensionStore;
import dev.switchboard.server.store.UserStore;
import java.time.Clock;
import java.util.Date;

/** What the account routes work with. */
public record AccountContext(
        UserStore users,
        AccountTokens tokens,
        PasswordHasher passwords,
        MailQueue mail,
        Jwt jwt,
        TokenCheck tokenCheck,
        Revocations revocations,
        RevocationStore revocationStore,
        SuspensionStore suspensions,
        Clock clock,
        AccountLimits limits) {

    public Date now() {
        return new Date(clock.millis());
    }

    /** Why that user may not sign in now ({@code "suspended: <reason> until <date>"}), if suspended. */
    public java.util.Optional<String> suspension(org.bson.types.ObjectId userId) {
        return suspensions.inForce(userId, now()).map(s -> "suspended: " + dev.switchboard.server.moderation.SuspensionView.refusal(s));
    }
}
