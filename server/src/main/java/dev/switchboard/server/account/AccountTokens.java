package dev.switchboard.server.account;

import dev.switchboard.server.store.AccountTokenStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.types.ObjectId;

/**
 * The single-use, expiring tokens that mails carry: 32 random bytes (base64url) handed out once, stored
 * only as their SHA-256.
 */
public final class AccountTokens {

    /** What a token is for, and how long it lives. */
    public enum Purpose {
        CONFIRM_EMAIL("confirm_email", Duration.ofHours(24)),
        RESET_PASSWORD("reset_password", Duration.ofMinutes(30));

        private final String stored;
        private final Duration ttl;

        Purpose(String stored, Duration ttl) {
            this.stored = stored;
            this.ttl = ttl;
        }

        public String stored() {
            return stored;
        }

        public Duration ttl() {
            return ttl;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountTokenStore store;
    private final Clock clock;

    public AccountTokens(AccountTokenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new token for that user; the only time it exists in clear. */
    public String issue(ObjectId userId, Purpose purpose) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Date now = new Date(clock.millis());
        store.insert(hash(token), userId, purpose.stored(), now, new Date(now.getTime() + purpose.ttl().toMillis()));
        return token;
    }

    /** The user of a valid token, without spending it. */
    public Optional<ObjectId> userOf(String token, Purpose purpose) {
        return store.userOf(hash(token), purpose.stored(), new Date(clock.millis()));
    }

    /** Spends the token; true only for the one caller that spent a valid token. */
    public boolean spend(String token, Purpose purpose) {
        return store.spend(hash(token), purpose.stored(), new Date(clock.millis()));
    }

    public void forgetAll(ObjectId userId, Purpose purpose) {
        store.deleteAll(userId, purpose.stored());
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(Sha256.of(token));
    }
}
